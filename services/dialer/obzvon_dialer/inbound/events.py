"""Domain events of an inbound call (``direction`` "in", ``call_type`` inbound)."""

import datetime as dt
import uuid

from obzvon_events.calls import CallAnswered, CallConnectedToOperator, CallEnded, CallOperatorMissed

from obzvon_dialer.inbound.registry import InboundCall


def answered(call: InboundCall) -> CallAnswered:
    return CallAnswered(
        call_id=call.call_id,
        project_id=call.project_id,
        phone=call.phone,
        direction="in",
        answered_at=call.answered_at,
        trunk_id=call.trunk_id,
        did=call.did or None,
    )


def connected(
    call: InboundCall, operator_id: uuid.UUID, extension: str, at: dt.datetime
) -> CallConnectedToOperator:
    return CallConnectedToOperator(
        call_id=call.call_id,
        project_id=call.project_id,
        operator_id=operator_id,
        extension=extension,
        connected_at=at,
    )


def missed(
    call: InboundCall, operator_id: uuid.UUID | None, extension: str, status: str, at: dt.datetime
) -> CallOperatorMissed:
    return CallOperatorMissed(
        call_id=call.call_id,
        project_id=call.project_id,
        operator_id=operator_id,
        extension=extension,
        dial_status=status,
        missed_at=at,
    )


def ended(call: InboundCall, cause: int | None, at: dt.datetime) -> CallEnded:
    talked = call.connected_at is not None
    return CallEnded(
        call_id=call.call_id,
        project_id=call.project_id,
        operator_id=call.operator_id if talked else None,
        outcome="answered" if talked else "abandoned",
        hangup_cause=cause,
        started_at=min(call.answered_at, at),
        answered_at=call.answered_at,
        connected_at=call.connected_at,
        ended_at=at,
        phone=call.phone,
        call_type="inbound",
        direction="in",
        trunk_id=call.trunk_id,
        extension=call.extension if talked else None,
        hangup_by=call.hangup_by,
    )
