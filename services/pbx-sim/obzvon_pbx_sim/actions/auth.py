"""Login (plain and MD5 challenge), Challenge, Logoff, Ping and Events."""

from __future__ import annotations

import asyncio
import hashlib
import hmac
import secrets
import time

from obzvon_pbx_sim.actions.context import ActionContext, Handler
from obzvon_pbx_sim.ami.message import AmiMessage
from obzvon_pbx_sim.ami.permissions import parse_mask, privilege
from obzvon_pbx_sim.ami.responses import error, response, success
from obzvon_pbx_sim.ami.session import AmiSession


def _credentials_ok(ctx: ActionContext, session: AmiSession, msg: AmiMessage) -> bool:
    config = ctx.config
    if msg.get("Username").lower() != config.username.lower():
        return False
    if msg.get("AuthType").lower() == "md5":
        if not session.challenge:
            return False
        expected = hashlib.md5(
            (session.challenge + config.secret).encode(), usedforsecurity=False
        ).hexdigest()
        return hmac.compare_digest(msg.get("Key").lower(), expected)
    return hmac.compare_digest(msg.get("Secret").encode(), config.secret.encode())


async def login(ctx: ActionContext, session: AmiSession, msg: AmiMessage) -> None:
    if session.authenticated:
        session.send(success(msg, "Already authenticated"))
        return
    if not _credentials_ok(ctx, session, msg):
        await asyncio.sleep(ctx.config.auth_fail_delay)
        session.send(error(msg, "Authentication failed"))
        session.close_after_flush()
        return
    session.authenticated = True
    session.username = msg.get("Username")
    events = msg.get("Events")
    if events:
        mask = parse_mask(events)
        if mask is not None:
            session.event_mask = mask
    session.send(success(msg, "Authentication accepted"))
    if "system" in session.event_mask:
        # Written straight to this session by action_login: no Timestamp header.
        booted = AmiMessage([("Event", "FullyBooted"), ("Privilege", privilege("system"))])
        booted.add("Uptime", ctx.clock.uptime()).add("LastReload", ctx.clock.since_reload())
        session.send(booted.add("Status", "Fully Booted"))


async def challenge(ctx: ActionContext, session: AmiSession, msg: AmiMessage) -> None:
    if msg.get("AuthType").lower() != "md5":
        session.send(error(msg, "Must specify AuthType"))
        return
    if not session.challenge:
        session.challenge = str(secrets.randbelow(2**31 - 1))
    session.send(response(msg, "Success", extra=[("Challenge", session.challenge)]))


async def logoff(ctx: ActionContext, session: AmiSession, msg: AmiMessage) -> None:
    session.send(response(msg, "Goodbye", "Thanks for all the fish."))
    session.close_after_flush()


async def ping(ctx: ActionContext, session: AmiSession, msg: AmiMessage) -> None:
    session.send(success(msg, extra=[("Ping", "Pong"), ("Timestamp", f"{time.time():.6f}")]))


async def events(ctx: ActionContext, session: AmiSession, msg: AmiMessage) -> None:
    mask = parse_mask(msg.get("EventMask"))
    if mask is None:
        session.send(error(msg, "Invalid event mask"))
        return
    session.event_mask = mask
    session.send(success(msg, extra=[("Events", "On" if mask else "Off")]))


HANDLERS: dict[str, Handler] = {
    "login": login,
    "challenge": challenge,
    "logoff": logoff,
    "ping": ping,
    "events": events,
}
