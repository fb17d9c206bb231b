"""Domain events of a call, built from its view. Each has a deterministic id per call and name, so
writing it again (a repeated AMI event, a replay after a restart) changes nothing (I3)."""

import datetime as dt
import uuid

from obzvon_db.enums import CallOutcome
from obzvon_events.base import Event
from obzvon_events.calls import (
    CallAmdResult,
    CallAnswered,
    CallConnectedToOperator,
    CallEnded,
    CallOperatorMissed,
    CallOriginated,
    CallRinging,
)

from obzvon_dialer.calls.view import CallView

EVENT_NAMESPACE = uuid.UUID("5f0c3d52-1a57-4d1e-9a43-6f3e0b8f2c11")


def event_id(call_id: uuid.UUID, event: Event) -> uuid.UUID:
    """One id per call and event name; a missed ring is one per extension and time."""
    key = event.name
    if isinstance(event, CallOperatorMissed):
        key = f"{key}/{event.extension}/{event.missed_at.timestamp()}"
    return uuid.uuid5(EVENT_NAMESPACE, f"{call_id}/{key}")


def originated(view: CallView, at: dt.datetime) -> CallOriginated:
    return CallOriginated(
        call_id=view.attempt_id,
        project_id=view.project_id,
        contact_id=view.contact_id,
        phone=view.phone,
        trunk_id=view.trunk_id,
        caller_id=view.caller_id,
        operator_id=view.operator_id,
        call_type=view.call_type.value,
        originated_at=at,
    )


def ringing(view: CallView, at: dt.datetime) -> CallRinging:
    return CallRinging(call_id=view.attempt_id, project_id=view.project_id, ringing_at=at)


def amd_result(view: CallView, status: str, cause: str | None, at: dt.datetime) -> CallAmdResult:
    return CallAmdResult(
        call_id=view.attempt_id, project_id=view.project_id, status=status, cause=cause, detected_at=at
    )


def answered(view: CallView, at: dt.datetime) -> CallAnswered:
    return CallAnswered(
        call_id=view.attempt_id,
        project_id=view.project_id,
        contact_id=view.contact_id,
        phone=view.phone,
        direction="out",
        operator_id=view.operator_id,
        answered_at=view.answered_at or at,
    )


def connected(view: CallView, operator_id: uuid.UUID, extension: str, at: dt.datetime) -> Event:
    return CallConnectedToOperator(
        call_id=view.attempt_id,
        project_id=view.project_id,
        contact_id=view.contact_id,
        operator_id=operator_id,
        extension=extension,
        connected_at=at,
    )


def missed(
    view: CallView, operator_id: uuid.UUID | None, extension: str, status: str, at: dt.datetime
) -> CallOperatorMissed:
    return CallOperatorMissed(
        call_id=view.attempt_id,
        project_id=view.project_id,
        operator_id=operator_id,
        extension=extension,
        dial_status=status,
        missed_at=at,
    )


def ended(view: CallView) -> CallEnded:
    assert view.outcome is not None and view.ended_at is not None
    memory = view.memory
    talked = view.outcome == CallOutcome.ANSWERED
    started = view.originated_at or view.ended_at
    return CallEnded(
        call_id=view.attempt_id,
        project_id=view.project_id,
        contact_id=view.contact_id,
        operator_id=view.operator_id if talked else None,
        outcome=view.outcome.value,
        hangup_cause=view.hangup_cause,
        hangup_cause_text=memory.cause_text,
        hangup_by=memory.hangup_by,
        started_at=min(started, view.ended_at),
        answered_at=view.answered_at,
        connected_at=memory.connected_at,
        ended_at=view.ended_at,
        recording=memory.recording,
        phone=view.phone,
        caller_id=view.caller_id,
        call_type=view.call_type.value,
        direction="out",
        trunk_id=view.trunk_id,
        extension=memory.extension if talked else None,
    )
