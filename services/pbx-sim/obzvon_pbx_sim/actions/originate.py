"""The Originate action: validation and replies as in manager.c `action_originate`."""

from __future__ import annotations

import re

from obzvon_pbx_sim.actions.context import ActionContext, Handler
from obzvon_pbx_sim.ami.message import AmiMessage
from obzvon_pbx_sim.ami.permissions import TRUE_WORDS
from obzvon_pbx_sim.ami.responses import error, success
from obzvon_pbx_sim.ami.session import AmiSession
from obzvon_pbx_sim.telephony.originate import OriginateRequest
from obzvon_pbx_sim.telephony.registry import MAX_UNIQUEID

CALLERID = re.compile(r'^\s*(?:"(?P<quoted>[^"]*)"|(?P<bare>[^<]*?))\s*<(?P<num>[^>]*)>\s*$')
PHONE = re.compile(r"^[0-9+*#()\-\s.]+$")
BLACKLISTED_APPS = ("system", "exec", "trysystem", "eval")


def parse_callerid(value: str) -> tuple[str, str]:
    """`"Name" <number>`, `Name <number>` or a bare number/name → (number, name)."""
    if not value:
        return "", ""
    match = CALLERID.match(value)
    if match:
        name = match.group("quoted") if match.group("quoted") is not None else match.group("bare") or ""
        return match.group("num").strip(), name.strip()
    if PHONE.match(value):
        return value.strip(), ""
    return "", value.strip()


def parse_variables(msg: AmiMessage) -> list[tuple[str, str]]:
    """Every `Variable:` header, each also split on commas (`a=1,b=2`)."""
    pairs: list[tuple[str, str]] = []
    for header in msg.get_all("Variable"):
        for item in header.split(","):
            name, sep, value = item.partition("=")
            if sep and name.strip():
                pairs.append((name.strip(), value))
    return pairs


def _validate(ctx: ActionContext, msg: AmiMessage) -> str | None:
    channel = msg.get("Channel")
    if not channel:
        return "Channel not specified"
    for header in ("ChannelId", "OtherChannelId"):
        if len(msg.get(header)) > MAX_UNIQUEID:
            return f"Uniqueid length exceeds maximum of {MAX_UNIQUEID}"
    priority = msg.get("Priority")
    if priority and not priority.strip().lstrip("-").isdigit():
        return "Invalid priority"
    timeout = msg.get("Timeout")
    if timeout and not timeout.strip().lstrip("-").isdigit():
        return "Invalid timeout"
    if "/" not in channel:
        return "Invalid channel"
    exten, context = msg.get("Exten"), msg.get("Context")
    if exten and (not context or not priority):
        return "Originate with 'Exten' requires 'Context' and 'Priority'"
    app = msg.get("Application")
    if app and app.lower() in BLACKLISTED_APPS:
        return "Originate Access Forbidden: app or data blacklisted"
    if exten and context and ctx.engine.dialplan and not ctx.engine.dialplan.exists(context, exten):
        return "Extension does not exist."
    return None


def build_request(msg: AmiMessage) -> OriginateRequest:
    timeout = msg.get("Timeout")
    return OriginateRequest(
        action_id=msg.get("ActionID"),
        channel=msg.get("Channel"),
        context=msg.get("Context"),
        exten=msg.get("Exten"),
        priority=int(msg.get("Priority") or 1),
        application=msg.get("Application"),
        data=msg.get("Data"),
        timeout_ms=int(timeout) if timeout else 30000,
        callerid=parse_callerid(msg.get("CallerID")),
        variables=parse_variables(msg),
        account=msg.get("Account"),
        channel_id=msg.get("ChannelId"),
        is_async=msg.get("Async").strip().lower() in TRUE_WORDS,
    )


async def originate(ctx: ActionContext, session: AmiSession, msg: AmiMessage) -> None:
    problem = _validate(ctx, msg)
    if problem:
        session.send(error(msg, problem))
        return
    req = build_request(msg)
    if req.is_async:
        session.send(success(msg, "Originate successfully queued"))
        ctx.engine.spawn(ctx.originator.run(req))
        return
    # A synchronous Originate holds the session until the call is answered or fails.
    answered = await ctx.originator.run(req)
    session.send(
        success(msg, "Originate successfully queued") if answered else error(msg, "Originate failed")
    )


HANDLERS: dict[str, Handler] = {"originate": originate}
