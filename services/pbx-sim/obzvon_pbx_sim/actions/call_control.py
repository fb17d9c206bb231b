"""Hangup, Redirect, Bridge, Setvar and Getvar."""

from __future__ import annotations

import re

from obzvon_pbx_sim.actions.context import ActionContext, Handler
from obzvon_pbx_sim.ami.message import AmiMessage
from obzvon_pbx_sim.ami.responses import error, list_complete, list_item, list_start, success
from obzvon_pbx_sim.ami.session import AmiSession
from obzvon_pbx_sim.telephony import causes
from obzvon_pbx_sim.telephony.bridge import BridgeOwner


def _cause(value: str) -> int:
    try:
        cause = int(value)
    except ValueError:
        return causes.NORMAL_CLEARING
    return cause if cause > 0 else causes.NORMAL_CLEARING


async def hangup(ctx: ActionContext, session: AmiSession, msg: AmiMessage) -> None:
    name = msg.get("Channel")
    if not name:
        session.send(error(msg, "No channel specified"))
        return
    cause = _cause(msg.get("Cause"))
    engine = ctx.engine
    if len(name) > 1 and name.startswith("/") and name.endswith("/"):
        try:
            pattern = re.compile(name[1:-1])
        except re.error:
            session.send(error(msg, "Invalid regex"))
            return
        matched = [chan for chan in engine.channels.all() if pattern.search(chan.name)]
        session.send(list_start(msg, "Channels hung up will follow"))
        for each in matched:
            engine.spawn(engine.hangup(each, cause))
            session.send(list_item(msg, "ChannelHungup", [("Channel", each.name)]))
        session.send(list_complete(msg, "ChannelsHungupListComplete", len(matched)))
        return
    chan = engine.channels.find(name)
    if chan is None:
        session.send(error(msg, "No such channel"))
        return
    engine.spawn(engine.hangup(chan, cause))
    session.send(success(msg, "Channel Hungup"))


async def redirect(ctx: ActionContext, session: AmiSession, msg: AmiMessage) -> None:
    for header, problem in (
        ("Channel", "Channel not specified"),
        ("Context", "Context not specified"),
        ("Exten", "Exten not specified"),
        ("Priority", "Priority not specified"),
    ):
        if not msg.get(header):
            session.send(error(msg, problem))
            return
    priority = msg.get("Priority").strip()
    if not priority.isdigit() or int(priority) < 1:
        session.send(error(msg, "Priority is invalid"))
        return
    engine = ctx.engine
    name = msg.get("Channel")
    chan = engine.channels.find(name)
    if chan is None:
        session.send(error(msg, f"Channel does not exist: {name}"))
        return
    if chan.hungup:
        session.send(error(msg, "Redirect failed, channel not up."))
        return
    extra_name = msg.get("ExtraChannel")
    extra = engine.channels.find(extra_name) if extra_name else None
    if extra_name and extra is None:
        session.send(error(msg, f"ExtraChannel does not exist: {extra_name}"))
        return
    context, exten = msg.get("Context"), msg.get("Exten")
    engine.spawn(engine.redirect(chan, context, exten, int(priority)))
    if extra is None:
        session.send(success(msg, "Redirect successful"))
        return
    extra_priority = msg.get("ExtraPriority").strip()
    engine.spawn(
        engine.redirect(
            extra,
            msg.get("ExtraContext") or context,
            msg.get("ExtraExten") or exten,
            int(extra_priority) if extra_priority.isdigit() else int(priority),
        )
    )
    session.send(success(msg, "Dual Redirect successful"))


async def bridge(ctx: ActionContext, session: AmiSession, msg: AmiMessage) -> None:
    first, second = msg.get("Channel1"), msg.get("Channel2")
    if not first or not second:
        session.send(error(msg, "Missing channel parameter in request"))
        return
    engine = ctx.engine
    chan1, chan2 = engine.channels.find(first), engine.channels.find(second)
    if chan1 is None:
        session.send(error(msg, f"Channel1 does not exists: {first}"))
        return
    if chan2 is None:
        session.send(error(msg, f"Channel2 does not exists: {second}"))
        return
    await engine.take_over(chan1)
    await engine.take_over(chan2)
    task = engine.spawn(engine.bridge_pair(chan1, chan2, BridgeOwner.ACTION))
    chan1.dialplan_task = chan2.dialplan_task = task
    chan1.application = chan2.application = "Bridge"
    session.send(success(msg, "Channels have been bridged"))


async def setvar(ctx: ActionContext, session: AmiSession, msg: AmiMessage) -> None:
    name, value, channel = msg.get("Variable"), msg.get("Value"), msg.get("Channel")
    if not name:
        session.send(error(msg, "No variable specified"))
        return
    if not channel:
        ctx.globals[name] = value
        session.send(success(msg, "Variable Set"))
        return
    chan = ctx.engine.channels.find(channel)
    if chan is None:
        session.send(error(msg, "No such channel"))
        return
    chan.set_var(name, value)
    session.send(success(msg, "Variable Set"))


async def getvar(ctx: ActionContext, session: AmiSession, msg: AmiMessage) -> None:
    name, channel = msg.get("Variable"), msg.get("Channel")
    if not name:
        session.send(error(msg, "No variable specified"))
        return
    if channel:
        chan = ctx.engine.channels.find(channel)
        if chan is None:
            session.send(error(msg, "No such channel"))
            return
        value = chan.get_var(name)
    else:
        value = ctx.globals.get(name, "")
    session.send(success(msg, extra=[("Variable", name), ("Value", value)]))


HANDLERS: dict[str, Handler] = {
    "hangup": hangup,
    "redirect": redirect,
    "bridge": bridge,
    "setvar": setvar,
    "getvar": getvar,
}
