"""The call state machine: one signal moves a call's view forward and names the events to publish.

Pure (no I/O), and safe against repeated, late and reordered AMI events: states only move forward,
a finished call ignores everything, and each domain event has one id per call (see
``domain_events``), so emitting it again is a no-op downstream.

pending → originating → ringing → answered → talking → finished | failed
"""

import datetime as dt

import structlog
from obzvon_db.enums import AttemptState, CallOutcome, CallType
from obzvon_events.base import Event

from obzvon_dialer.ami.dialplan import recording_name
from obzvon_dialer.calls import domain_events
from obzvon_dialer.calls.outcome import classify
from obzvon_dialer.calls.signals import CallSignal, Leg, SignalKind
from obzvon_dialer.calls.view import CallView

log = structlog.get_logger(__name__)

HUMAN_AMD = frozenset({"HUMAN", "NOTSURE"})
MANUAL_OPERATOR_PHONE = frozenset({SignalKind.UP, SignalKind.DIAL_END, SignalKind.WAITING, SignalKind.AMD})


def advance(view: CallView, signal: CallSignal) -> list[Event]:
    """Apply ``signal`` to ``view`` (in place); returns the events that became true."""
    if view.finished:
        return []
    events: list[Event] = []
    kind = signal.kind
    if kind is SignalKind.ORIGINATE_FAILED:
        return _originate_failed(view, signal)
    if kind is SignalKind.HANGUP_REQUEST:
        # An operator's phone refusing a ring is not the end of the call; hanging up a talk is.
        if view.memory.hangup_by is None and (signal.leg is Leg.CLIENT or view.connected):
            by = "client" if signal.leg is Leg.CLIENT else "operator"
            view.memory.hangup_by = by if signal.status == "remote" else "system"
        return events
    if signal.leg is Leg.CLIENT:
        events += _seen(view, signal)
    if _operator_first(view) and kind in MANUAL_OPERATOR_PHONE:
        return events  # a manual call's first leg is the operator's phone: its answer is not the client's
    if kind is SignalKind.MANUAL_DIAL:
        return events + _manual_dial(view, signal)
    if kind is SignalKind.RINGING:
        if view.advance_to(AttemptState.RINGING):
            events.append(domain_events.ringing(view, signal.at))
    elif kind is SignalKind.UP or (kind is SignalKind.DIAL_END and signal.status == "ANSWER"):
        _up(view, signal)
    elif kind is SignalKind.DIAL_END:
        view.memory.dial_status = signal.status
    elif kind is SignalKind.AMD:
        events += _amd(view, signal)
    elif kind is SignalKind.WAITING:
        _up(view, signal)
        if view.memory.amd_status != "MACHINE":
            events += _announce_answer(view, signal)
    elif kind is SignalKind.OPERATOR_DIAL:
        events += _operator_dial(view, signal)
    elif kind is SignalKind.RECORDING:
        view.memory.recording = recording_name(view.attempt_id)
    elif kind is SignalKind.HANGUP and signal.leg is Leg.CLIENT:
        events += _hangup(view, signal)
    elif kind is SignalKind.HANGUP and signal.leg is Leg.OFFER and not view.connected:
        events += _missed(view, signal, missed_status(signal.cause))
    return events


def _seen(view: CallView, signal: CallSignal) -> list[Event]:
    if signal.channel and "/" in signal.channel:
        view.memory.channel = signal.channel
    view.advance_to(AttemptState.ORIGINATING)
    if view.originated_at is not None:
        return []
    view.originated_at = signal.at
    return [domain_events.originated(view, signal.at)]


def _up(view: CallView, signal: CallSignal) -> None:
    if view.answered_at is None:
        view.answered_at = signal.at
    view.advance_to(AttemptState.ANSWERED)


def _amd(view: CallView, signal: CallSignal) -> list[Event]:
    _up(view, signal)
    if view.memory.amd_status is not None:
        return []
    view.memory.amd_status, view.memory.amd_cause = signal.status, signal.detail or None
    events: list[Event] = [domain_events.amd_result(view, signal.status, signal.detail or None, signal.at)]
    if signal.status in HUMAN_AMD:
        events += _announce_answer(view, signal)
    return events


def _announce_answer(view: CallView, signal: CallSignal) -> list[Event]:
    """``call_answered`` once per call (its fixed id also absorbs a repeat after a restart)."""
    if view.memory.answered_announced:
        return []
    view.memory.answered_announced = True
    return [domain_events.answered(view, signal.at)]


def _operator_dial(view: CallView, signal: CallSignal) -> list[Event]:
    if view.memory.connected_at is not None:
        return []
    if signal.status != "ANSWER":
        return _missed(view, signal, signal.status)
    _up(view, signal)
    view.memory.connected_at = signal.at
    view.memory.extension = signal.extension or None
    view.operator_id = signal.operator_id or view.operator_id
    view.advance_to(AttemptState.TALKING)
    if view.operator_id is None:
        log.warning("call.connected_without_operator", call_id=str(view.attempt_id))
        return []
    return [domain_events.connected(view, view.operator_id, signal.extension, signal.at)]


def _operator_first(view: CallView) -> bool:
    """A manual call placed by an operator: its originated leg is the operator's own phone."""
    return view.call_type is CallType.MANUAL and view.operator_id is not None


def _manual_dial(view: CallView, signal: CallSignal) -> list[Event]:
    """F-45: the client leg of a manual call; on answer the operator (already on the line) talks."""
    if view.memory.connected_at is not None:
        return []
    if signal.status != "ANSWER":
        view.memory.dial_status, view.memory.dial_cause = signal.status, signal.cause
        return []
    _up(view, signal)
    view.memory.connected_at = signal.at
    view.memory.extension = signal.extension or view.memory.extension
    view.advance_to(AttemptState.TALKING)
    events: list[Event] = _announce_answer(view, signal)
    if view.operator_id is not None:
        events.append(domain_events.connected(view, view.operator_id, view.memory.extension or "", signal.at))
    return events


def _missed(view: CallView, signal: CallSignal, status: str) -> list[Event]:
    """An operator's phone rang for this call and nobody took it there (F-43: next operator).
    An offer leg is reported once, though its Hangup and its OriginateResponse may both say so."""
    if signal.leg_id:
        if signal.leg_id in view.memory.missed_legs:
            return []
        view.memory.missed_legs = view.memory.missed_legs | {signal.leg_id}
    operator_id = signal.operator_id or (view.operator_id if signal.leg is Leg.CLIENT else None)
    return [domain_events.missed(view, operator_id, signal.extension, status, signal.at)]


def missed_status(cause: int | None) -> str:
    """DIALSTATUS of an operator's phone that hung up unanswered."""
    return {17: "BUSY", 20: "CHANUNAVAIL", 3: "CHANUNAVAIL", 34: "CONGESTION", 42: "CONGESTION"}.get(
        cause or 0, "NOANSWER"
    )


def _hangup(view: CallView, signal: CallSignal) -> list[Event]:
    if signal.status == "up" and view.answered_at is None and not _operator_first(view):
        view.answered_at = signal.at  # the answer itself went unseen: it was no later than this
    view.ended_at = signal.at
    view.hangup_cause = signal.cause
    view.memory.cause_text = signal.detail or None
    manual_cause = view.memory.dial_cause if _operator_first(view) else None
    view.outcome = classify(
        answered=view.answered_at is not None,
        connected=view.connected,
        amd_status=view.memory.amd_status,
        cause=manual_cause if manual_cause is not None else signal.cause,
        dial_status=view.memory.dial_status,
    )
    view.state = AttemptState.FINISHED
    return [domain_events.ended(view)]


def _originate_failed(view: CallView, signal: CallSignal) -> list[Event]:
    """No channel was ever seen: the call failed before it existed. Otherwise the client channel's
    ``Hangup`` (before or after this response) tells the real outcome."""
    if view.originated_at is not None or view.state not in (AttemptState.PENDING, AttemptState.ORIGINATING):
        return []
    return close(view, CallOutcome.FAILED, signal.at)


def close(view: CallView, outcome: CallOutcome, at: dt.datetime) -> list[Event]:
    """End a call the PBX will tell no more about (no channel, a lost channel, a refused Originate)."""
    if view.finished:
        return []
    view.ended_at = at
    view.outcome = outcome
    view.state = AttemptState.FAILED
    return [domain_events.ended(view)]
