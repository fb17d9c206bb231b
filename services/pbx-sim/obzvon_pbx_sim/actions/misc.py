"""UserEvent, Command, MixMonitor and StopMixMonitor."""

from __future__ import annotations

import secrets

from obzvon_pbx_sim.actions.cli_commands import run_command
from obzvon_pbx_sim.actions.context import ActionContext, Handler
from obzvon_pbx_sim.ami.message import AmiMessage
from obzvon_pbx_sim.ami.permissions import privilege
from obzvon_pbx_sim.ami.responses import error, response, success
from obzvon_pbx_sim.ami.session import AmiSession

SKIPPED_IN_USEREVENT = {"action", "actionid", "userevent"}


async def user_event(ctx: ActionContext, session: AmiSession, msg: AmiMessage) -> None:
    name = msg.get("UserEvent")
    if not name:
        session.send(error(msg, "UserEvent needs a name"))
        return
    event = AmiMessage([("Event", "UserEvent"), ("Privilege", privilege("user")), ("UserEvent", name)])
    event.extend((key, value) for key, value in msg.headers if key.lower() not in SKIPPED_IN_USEREVENT)
    if ctx.server is not None:
        ctx.server.emit("user", event)
    session.send(success(msg, "Event Sent"))


async def command(ctx: ActionContext, session: AmiSession, msg: AmiMessage) -> None:
    ok, lines = run_command(ctx, msg.get("Command"))
    output = [("Output", line) for line in lines]
    session.send(response(msg, "Success" if ok else "Error", "Command output follows", extra=output))


async def mixmonitor(ctx: ActionContext, session: AmiSession, msg: AmiMessage) -> None:
    name = msg.get("Channel")
    if not name:
        session.send(error(msg, "No channel specified"))
        return
    chan = ctx.engine.channels.find(name)
    if chan is None:
        session.send(error(msg, "No such channel"))
        return
    filename = msg.get("File") or f"{chan.name.replace('/', '-')}.wav"
    ctx.engine.start_recording(chan, filename)
    session.send(success(msg, extra=[("MixMonitorID", f"0x{secrets.token_hex(6)}")]))


async def stop_mixmonitor(ctx: ActionContext, session: AmiSession, msg: AmiMessage) -> None:
    name = msg.get("Channel")
    if not name:
        session.send(error(msg, "No channel specified"))
        return
    chan = ctx.engine.channels.find(name)
    if chan is None:
        session.send(error(msg, "No such channel"))
        return
    if chan.recording is None:
        session.send(error(msg, "Could not stop MixMonitor"))
        return
    await ctx.engine.stop_recording(chan)
    session.send(success(msg))


HANDLERS: dict[str, Handler] = {
    "userevent": user_event,
    "command": command,
    "mixmonitor": mixmonitor,
    "stopmixmonitor": stop_mixmonitor,
}
