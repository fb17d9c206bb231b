"""What one call event tells about the call record.

``known`` holds the columns the event is a source of; every event that is a source of a column
carries the same value, so merging them in any order gives the same record. Times merge by their
own rule (the earliest start, answer and connection; the latest end); events that say nothing about
the start give their own time as a provisional one, which the real start (never later) replaces.
"""

import datetime as dt
import uuid
from dataclasses import dataclass, field
from typing import Any

from obzvon_db.enums import CallDirection, CallOutcome, CallType
from obzvon_events.calls import CallAnswered, CallConnectedToOperator, CallEnded, CallOriginated


@dataclass(frozen=True)
class CallFacts:
    call_id: uuid.UUID
    started_at: dt.datetime
    answered_at: dt.datetime | None = None
    connected_at: dt.datetime | None = None
    ended_at: dt.datetime | None = None
    known: dict[str, Any] = field(default_factory=dict)


def _numbers(direction: str, phone: str | None, caller_id: str | None) -> dict[str, Any]:
    """«Откуда» and «Куда»: the CallerID and the client for outbound calls, the other way for inbound."""
    if direction == CallDirection.INBOUND.value:
        return {"from_number": phone, "to_number": caller_id}
    return {"from_number": caller_id, "to_number": phone}


def _call_type(value: str) -> CallType:
    try:
        return CallType(value)
    except ValueError:
        return CallType.AUTO


def from_originated(event: CallOriginated) -> CallFacts:
    known = {
        "project_id": event.project_id,
        "contact_id": event.contact_id,
        "trunk_id": event.trunk_id,
        "call_type": _call_type(event.call_type),
        "direction": CallDirection.OUTBOUND,
        **_numbers("out", event.phone, event.caller_id),
    }
    return CallFacts(event.call_id, event.originated_at, known=known)


def from_answered(event: CallAnswered) -> CallFacts:
    known: dict[str, Any] = {
        "project_id": event.project_id,
        "contact_id": event.contact_id,
        "direction": CallDirection(event.direction),
    }
    if event.direction == CallDirection.INBOUND.value:
        known["from_number"] = event.phone
    else:
        known["to_number"] = event.phone
    return CallFacts(event.call_id, event.answered_at, answered_at=event.answered_at, known=known)


def from_connected(event: CallConnectedToOperator) -> CallFacts:
    known = {"project_id": event.project_id, "contact_id": event.contact_id, "operator_id": event.operator_id}
    return CallFacts(event.call_id, event.connected_at, connected_at=event.connected_at, known=known)


def from_ended(event: CallEnded) -> CallFacts:
    known = {
        "project_id": event.project_id,
        "contact_id": event.contact_id,
        "operator_id": event.operator_id,
        "trunk_id": event.trunk_id,
        "call_type": _call_type(event.call_type),
        "direction": CallDirection(event.direction),
        "outcome": CallOutcome(event.outcome),
        "hangup_cause": event.hangup_cause,
        "hangup_cause_text": event.hangup_cause_text,
        "recording_path": event.recording,
        **_numbers(event.direction, event.phone, event.caller_id),
    }
    return CallFacts(
        event.call_id,
        event.started_at,
        answered_at=event.answered_at,
        connected_at=event.connected_at,
        ended_at=event.ended_at,
        known=known,
    )
