"""Builds channel, dial, bridge and device events with Asterisk 20's header names and order."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Protocol

from obzvon_pbx_sim.ami.message import AmiMessage
from obzvon_pbx_sim.ami.permissions import privilege
from obzvon_pbx_sim.telephony.causes import cause_text
from obzvon_pbx_sim.telephony.channel import Channel, channel_block

if TYPE_CHECKING:
    from obzvon_pbx_sim.telephony.bridge import Bridge


class EventSink(Protocol):
    def emit(self, category: str, event: AmiMessage) -> None: ...


class Emitter:
    def __init__(self, sink: EventSink, channel_vars: tuple[str, ...]) -> None:
        self.sink = sink
        self.channel_vars = channel_vars

    def _event(self, name: str, category: str, body: Iterable[tuple[str, str]]) -> None:
        event = AmiMessage([("Event", name), ("Privilege", privilege(category))])
        event.extend(body)
        self.sink.emit(category, event)

    def block(self, chan: Channel, prefix: str = "") -> list[tuple[str, str]]:
        return channel_block(chan, self.channel_vars, prefix)

    def _pair(self, caller: Channel | None, dest: Channel) -> list[tuple[str, str]]:
        body = self.block(caller) if caller is not None else []
        return body + self.block(dest, "Dest")

    # -- channel --------------------------------------------------------------------------------

    def channel(self, name: str, chan: Channel, *extra: tuple[str, str], category: str = "call") -> None:
        self._event(name, category, [*self.block(chan), *extra])

    def new_callerid(self, chan: Channel) -> None:
        self.channel("NewCallerid", chan, ("CID-CallingPres", "0 (Presentation Allowed, Not Screened)"))

    def hangup_request(self, chan: Channel, cause: int, tech_cause: int | None, soft: bool) -> None:
        extra = [("Cause", str(cause))]
        if tech_cause is not None:
            extra.append(("TechCause", str(tech_cause)))
        self.channel("SoftHangupRequest" if soft else "HangupRequest", chan, *extra)

    def hangup(self, chan: Channel, cause: int, tech_cause: int | None) -> None:
        extra = [("Cause", str(cause)), ("Cause-txt", cause_text(cause))]
        if tech_cause is not None:
            extra.append(("TechCause", str(tech_cause)))
        self.channel("Hangup", chan, *extra)

    def user_event(self, chan: Channel, name: str, body: Iterable[tuple[str, str]]) -> None:
        """UserEvent() from the dialplan: block, `UserEvent: <name>`, then the body items."""
        self._event("UserEvent", "user", [*self.block(chan), ("UserEvent", name), *body])

    def device_state(self, device: str, state: str) -> None:
        self._event("DeviceStateChange", "call", [("Device", device), ("State", state)])

    # -- dial -----------------------------------------------------------------------------------

    def dial_begin(self, caller: Channel | None, dest: Channel, dial_string: str) -> None:
        self._event("DialBegin", "call", [*self._pair(caller, dest), ("DialString", dial_string)])

    def dial_state(self, caller: Channel | None, dest: Channel, status: str) -> None:
        self._event("DialState", "call", [*self._pair(caller, dest), ("DialStatus", status)])

    def dial_end(self, caller: Channel | None, dest: Channel, status: str) -> None:
        self._event("DialEnd", "call", [*self._pair(caller, dest), ("DialStatus", status)])

    # -- bridge ---------------------------------------------------------------------------------

    def bridge(self, name: str, bridge: Bridge, chan: Channel | None = None) -> None:
        body = bridge.block()
        if chan is not None:
            body += self.block(chan)
        self._event(name, "call", body)

    # -- originate ------------------------------------------------------------------------------

    def originate_response(
        self,
        action_id: str,
        success: bool,
        channel: str,
        target: list[tuple[str, str]],
        reason: int,
        uniqueid: str,
        caller: tuple[str, str],
        chan: Channel | None,
    ) -> None:
        """OriginateResponse (manager.c fast_originate): no snapshot block, ActionID echoed."""
        body: list[tuple[str, str]] = []
        if action_id:
            body.append(("ActionID", action_id))
        body += [("Response", "Success" if success else "Failure"), ("Channel", channel), *target]
        body += [("Reason", str(reason)), ("Uniqueid", uniqueid)]
        body += [("CallerIDNum", caller[0] or "<unknown>"), ("CallerIDName", caller[1] or "<unknown>")]
        if chan is not None:
            body += [("ChanVariable", f"{name}={chan.get_var(name)}") for name in self.channel_vars]
        self._event("OriginateResponse", "call", body)
