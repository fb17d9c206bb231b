"""Dialing one destination, with the event quirks of both dialers in Asterisk.

- Originate uses main/dial.c (`ast_dial`, no caller channel): DialBegin/DialEnd carry only the
  Dest block; when the ring timeout expires there is **no DialEnd** and the callee hangs up with
  cause 19. A refusal gives HangupRequest → DialEnd → (OriginateResponse) → Hangup.
- Dial() in the dialplan uses app_dial (a caller channel): events carry the caller block and the
  Dest block; a timeout publishes DialEnd NOANSWER and the callee's cause stays 0; DIALSTATUS
  follows app_dial's `handle_cause`.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable, Iterable
from dataclasses import dataclass

from obzvon_pbx_sim.telephony import causes
from obzvon_pbx_sim.telephony.channel import Channel, ChannelState
from obzvon_pbx_sim.telephony.endpoints import Endpoint
from obzvon_pbx_sim.telephony.engine import CallEngine
from obzvon_pbx_sim.telephony.far_end import Decision, FarEnd


@dataclass
class DialResult:
    status: str  # ANSWER, BUSY, NOANSWER, CONGESTION, CHANUNAVAIL
    channel: Channel | None = None  # the answered callee
    callee: Channel | None = None  # the callee channel, if one could be created
    cause: int = 0  # the callee's hangup cause (${HANGUPCAUSE})
    dial_cause: int = 0  # the dial's own cause (OriginateResponse Reason)
    finish: Callable[[], Awaitable[None]] | None = None  # emits the refused callee's Hangup

    @property
    def answered(self) -> bool:
        return self.status == "ANSWER"


UNAVAILABLE = DialResult("CHANUNAVAIL", cause=causes.SUBSCRIBER_ABSENT, dial_cause=causes.SUBSCRIBER_ABSENT)


@dataclass
class DialSpec:
    endpoint: Endpoint
    dial_string: str
    far_end: FarEnd
    timeout: float | None  # simulated seconds of ringing
    uniqueid: str | None = None
    variables: Iterable[tuple[str, str]] = ()
    callerid: tuple[str, str] = ("", "")
    accountcode: str = ""


async def dial(engine: CallEngine, caller: Channel | None, spec: DialSpec) -> DialResult:
    if not spec.endpoint.available:
        return UNAVAILABLE
    callee = _create(engine, caller, spec)
    emit = engine.emit
    emit.dial_begin(caller, callee, spec.dial_string)

    def on_ringing() -> None:
        emit.dial_state(caller, callee, "RINGING")
        engine.set_state(callee, ChannelState.RINGING)
        engine.refresh_device(spec.endpoint.name)

    player = engine.spawn(spec.far_end.play(engine.clock, on_ringing))
    decision: Decision | None = None
    try:
        decision = await _wait(engine, spec)
    except asyncio.CancelledError:
        # The caller hung up or was redirected while the callee was ringing.
        if caller is not None:
            emit.dial_end(caller, callee, "CANCEL")
        _release(callee, spec, player)
        await engine.hangup(callee, 0, request=None)
        raise
    _release(callee, spec, player)

    if decision is None:  # ring timeout
        if caller is None:
            await engine.hangup(callee, causes.NO_ANSWER, request=None)
            return DialResult("NOANSWER", None, callee, causes.NO_ANSWER, causes.NO_ANSWER)
        emit.dial_end(caller, callee, "NOANSWER")
        await engine.hangup(callee, 0, request=None)
        return DialResult("NOANSWER", None, callee)

    if decision.answered:
        engine.set_state(callee, ChannelState.UP)
        emit.dial_end(caller, callee, "ANSWER")
        engine.refresh_device(spec.endpoint.name)
        return DialResult("ANSWER", callee, callee)

    return await _refused(engine, caller, callee, decision)


def _create(engine: CallEngine, caller: Channel | None, spec: DialSpec) -> Channel:
    variables = list(caller.inherited()) if caller is not None else []
    variables += list(spec.variables)
    if caller is None:
        callee = engine.new_channel(
            spec.endpoint,
            uniqueid=spec.uniqueid,
            variables=variables,
            application="AppDial2",
            app_data="(Outgoing Line)",
            accountcode=spec.accountcode,
        )
        if any(spec.callerid):
            callee.caller_num, callee.caller_name = spec.callerid
            callee.connected_num, callee.connected_name = spec.callerid
            engine.emit.new_callerid(callee)
    else:
        number = spec.dial_string.split("@", 1)[0]
        callee = engine.new_channel(
            spec.endpoint,
            linkedid=caller.linkedid,
            caller=(number, ""),
            connected=(caller.caller_num, caller.caller_name),
            variables=variables,
            application="AppDial",
            app_data="(Outgoing Line)",
            accountcode=caller.accountcode,
        )
    callee.far_end = spec.far_end
    callee.dialing = True
    spec.endpoint.ringing.append(callee)
    return callee


async def _wait(engine: CallEngine, spec: DialSpec) -> Decision | None:
    pending = asyncio.shield(spec.far_end.decision)
    if spec.timeout is None or spec.timeout <= 0:
        return await pending
    try:
        return await asyncio.wait_for(pending, engine.clock.real(spec.timeout))
    except TimeoutError:
        return None


def _release(callee: Channel, spec: DialSpec, player: asyncio.Task[None]) -> None:
    player.cancel()
    callee.dialing = False
    if callee in spec.endpoint.ringing:
        spec.endpoint.ringing.remove(callee)


async def _refused(
    engine: CallEngine, caller: Channel | None, callee: Channel, decision: Decision
) -> DialResult:
    emit = engine.emit
    cause, tech = decision.cause, decision.tech_cause
    if not decision.local:
        emit.hangup_request(callee, cause, tech, soft=False)

    async def finish() -> None:
        await engine.hangup(callee, cause, request=None, tech_cause=tech)

    status = causes.dial_end_status(cause) if caller is None else causes.app_dial_status(cause)
    if engine.faults.chaos.hangup_first:
        await finish()
        emit.dial_end(caller, callee, causes.dial_end_status(cause))
        return DialResult(status, None, callee, cause)
    emit.dial_end(caller, callee, causes.dial_end_status(cause))
    if caller is None:
        return DialResult(status, None, callee, cause, finish=finish)
    await finish()
    return DialResult(status, None, callee, cause)
