"""The envelope and typed messages survive the wire unchanged; unknown messages are reported (I3)."""

import json
import uuid
from datetime import UTC, datetime, timedelta, timezone

import pytest
from obzvon_events import Envelope, UnknownEventError, lookup, parse
from obzvon_events.calls import CallEnded
from obzvon_events.commands import ConnectCall
from obzvon_events.notifications import NotificationCreated
from obzvon_events.operators import OperatorStateChanged
from pydantic import ValidationError

MSK = timezone(timedelta(hours=3))


def test_event_round_trips_through_json_bytes() -> None:
    event = CallEnded(
        call_id=uuid.uuid4(),
        project_id=uuid.uuid4(),
        outcome="busy",
        hangup_cause=17,
        hangup_cause_text="User busy",
        started_at=datetime(2026, 3, 1, 12, 0, tzinfo=MSK),
        ended_at=datetime(2026, 3, 1, 12, 0, 20, tzinfo=MSK),
    )
    envelope = event.to_envelope("dialer")

    received = Envelope.from_json_bytes(envelope.to_json_bytes())

    assert received == envelope
    assert parse(received) == event
    assert CallEnded.from_envelope(received) == event


def test_envelope_has_the_agreed_shape() -> None:
    """DESIGN.md "Events": {name, version, id, occurred_at, producer, data}."""
    envelope = ConnectCall(call_id=uuid.uuid4(), operator_id=uuid.uuid4(), extension="101").to_envelope(
        "queue-router"
    )
    wire = json.loads(envelope.to_json_bytes())
    assert set(wire) == {"name", "version", "id", "occurred_at", "producer", "data"}
    assert wire["name"] == "connect_call" and wire["version"] == 1
    assert wire["producer"] == "queue-router"
    assert wire["occurred_at"].endswith("Z")
    assert wire["data"]["extension"] == "101"


def test_times_are_normalised_to_utc_and_naive_times_are_refused() -> None:
    """I5: every instant travels in UTC; a time without a zone is ambiguous and rejected."""
    started = datetime(2026, 3, 1, 9, 0, tzinfo=MSK)
    event = OperatorStateChanged(operator_id=uuid.uuid4(), state="active", started_at=started)
    assert event.started_at.utcoffset() == timedelta(0)
    assert event.started_at == started

    with pytest.raises(ValidationError):
        OperatorStateChanged(operator_id=uuid.uuid4(), state="active", started_at=datetime(2026, 3, 1, 9))
    with pytest.raises(ValidationError):
        Envelope(name="x", version=1, id=uuid.uuid4(), occurred_at=datetime(2026, 1, 1), producer="p")


def test_given_id_and_time_are_kept() -> None:
    event_id = uuid.uuid4()
    at = datetime(2026, 1, 2, 3, 4, 5, tzinfo=UTC)
    envelope = NotificationCreated(
        user_id=uuid.uuid4(), notification_id=uuid.uuid4(), kind="task_due", title="Задача"
    ).to_envelope("api-gateway", id=event_id, occurred_at=at)
    assert envelope.id == event_id
    assert envelope.occurred_at == at


def test_fields_added_by_a_newer_producer_are_ignored() -> None:
    """Fields are only added: an older consumer must still read a newer producer's message."""
    envelope = OperatorStateChanged(
        operator_id=uuid.uuid4(), state="pause", started_at=datetime.now(UTC)
    ).to_envelope("queue-router")
    newer = envelope.model_copy(update={"data": {**envelope.data, "reason": "lunch"}})
    wire = {**json.loads(newer.to_json_bytes()), "trace_id": "abc"}

    event = parse(Envelope.model_validate(wire))

    assert isinstance(event, OperatorStateChanged)
    assert event.state == "pause"


def test_unknown_name_or_version_raises_unknown_event_error() -> None:
    envelope = Envelope(
        name="call_teleported", version=1, id=uuid.uuid4(), occurred_at=datetime.now(UTC), producer="x"
    )
    with pytest.raises(UnknownEventError) as error:
        parse(envelope)
    assert (error.value.name, error.value.version) == ("call_teleported", 1)

    future = envelope.model_copy(update={"name": "call_ended", "version": 99})
    with pytest.raises(UnknownEventError):
        parse(future)
    with pytest.raises(LookupError):
        lookup("call_ended", 99)


def test_data_that_does_not_match_the_schema_is_rejected() -> None:
    envelope = Envelope(
        name="user_disabled",
        version=1,
        id=uuid.uuid4(),
        occurred_at=datetime.now(UTC),
        producer="api-gateway",
        data={"user_id": "not-a-uuid"},
    )
    with pytest.raises(ValidationError):
        parse(envelope)


def test_from_envelope_refuses_another_message() -> None:
    envelope = ConnectCall(call_id=uuid.uuid4(), operator_id=uuid.uuid4(), extension="7").to_envelope("qr")
    with pytest.raises(ValueError, match="connect_call"):
        CallEnded.from_envelope(envelope)


def test_malformed_envelopes_are_rejected() -> None:
    with pytest.raises(ValidationError):
        Envelope.from_json_bytes(b"not json")
    with pytest.raises(ValidationError):
        Envelope.from_json_bytes(b'{"name": "Call Ended", "version": 1}')
