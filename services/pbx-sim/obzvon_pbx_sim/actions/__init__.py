"""AMI actions and the dispatcher that applies manager.c's rules before calling them."""

from __future__ import annotations

from obzvon_pbx_sim.actions import auth, call_control, lists, misc, originate
from obzvon_pbx_sim.actions.context import ActionContext, Handler
from obzvon_pbx_sim.ami.framing import Frame, FrameProblem
from obzvon_pbx_sim.ami.responses import error
from obzvon_pbx_sim.ami.session import AmiSession

UNAUTHENTICATED = {"login", "logoff", "challenge"}


class ActionDispatcher:
    def __init__(self, ctx: ActionContext) -> None:
        self.ctx = ctx
        self.handlers: dict[str, Handler] = {
            **auth.HANDLERS,
            **originate.HANDLERS,
            **call_control.HANDLERS,
            **lists.HANDLERS,
            **misc.HANDLERS,
        }

    async def dispatch(self, session: AmiSession, frame: Frame) -> None:
        msg = frame.message
        if frame.problem is not FrameProblem.NONE:
            session.send(error(msg, frame.problem.value))
            return
        action = msg.get("Action").strip()
        if not action:
            session.send(error(msg, "Missing action in request"))
            return
        name = action.lower()
        if not session.authenticated and name not in UNAUTHENTICATED:
            session.send(error(msg, "Permission denied"))
            return
        handler = self.handlers.get(name)
        if handler is None:
            hint = "Use Action: ListCommands to show available commands."
            session.send(error(msg, f"Invalid/unknown command: {action}. {hint}"))
            return
        await handler(self.ctx, session, msg)


__all__ = ["ActionContext", "ActionDispatcher"]
