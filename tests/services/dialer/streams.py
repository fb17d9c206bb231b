"""Recorded AMI streams (``ami_streams/``) replayed through the translator and the call state machine.

The ``*.ami`` files of outcomes were recorded from pbx-sim (last-digit rules, one Originate each, with
``ChannelId`` = a fixed attempt id); ``asterisk22_*.ami`` are captures of a real Asterisk 22.
"""

import dataclasses
import datetime as dt
import uuid
from pathlib import Path

from obzvon_db.enums import AttemptState, CallType
from obzvon_dialer.calls.machine import advance
from obzvon_dialer.calls.translator import translate
from obzvon_dialer.calls.view import CallView
from obzvon_events.base import Event
from panoramisk.message import Message

STREAMS = Path(__file__).parent / "ami_streams"
PROJECT_ID = uuid.UUID("0b1c3f2e-7d64-4f0e-9a1f-2c5d8e9f0a11")
EPOCH = dt.datetime(2026, 11, 22, 9, 0, tzinfo=dt.UTC)


def attempt_id_of(name: str) -> uuid.UUID:
    """The ChannelId the stream ``name`` was recorded with."""
    return uuid.uuid5(uuid.NAMESPACE_URL, f"obzvon-test/{name}")


def load(name: str, replace: dict[str, str] | None = None) -> list[Message]:
    text = (STREAMS / f"{name}.ami").read_bytes().decode()
    for old, new in (replace or {}).items():
        text = text.replace(old, new)
    messages = [Message.from_line(part.strip()) for part in text.split("\r\n\r\n") if part.strip()]
    return [m for m in messages if m is not None and "event" in m]


def new_view(attempt_id: uuid.UUID, *, operator_id: uuid.UUID | None = None) -> CallView:
    return CallView(
        attempt_id=attempt_id,
        project_id=PROJECT_ID,
        contact_id=uuid.uuid4(),
        phone="79160000000",
        call_type=CallType.AUTO,
        caller_id="74951234567",
        trunk_id=None,
        operator_id=operator_id,
        state=AttemptState.ORIGINATING,
        created_at=EPOCH,
    )


def replay(
    messages: list[Message], view: CallView, operators: dict[str, uuid.UUID] | None = None
) -> list[Event]:
    """Every event through ``translate`` and ``advance``; the domain events in order. ``operators``
    maps extensions to users, as the call service looks them up."""
    events: list[Event] = []
    for message in messages:
        signal = translate(message, now=lambda: EPOCH)
        if signal is not None and signal.attempt_id == view.attempt_id:
            operator = (operators or {}).get(signal.extension)
            events += advance(view, dataclasses.replace(signal, operator_id=operator) if operator else signal)
    return events


def names(events: list[Event]) -> list[str]:
    return [event.name for event in events]
