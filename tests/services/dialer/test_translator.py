"""Recorded AMI streams become the right domain events and outcomes (F-40, F-42, F-43, F-61).

pbx-sim's last-digit outcomes: 0/7 answered human · 1 busy · 2 no answer · 3 rejected ·
4 congestion · 5 machine (AMD) · 6 no channel; plus a real Asterisk 22 capture of each kind.
"""

import datetime as dt
import uuid

import pytest
from obzvon_db.enums import AttemptState
from obzvon_events.calls import CallAmdResult, CallConnectedToOperator, CallEnded, CallOperatorMissed

from tests.services.dialer.streams import attempt_id_of, load, names, new_view, replay

ORIGINATED, RINGING, ANSWERED = "call_originated", "call_ringing", "call_answered"
AMD, CONNECTED, ENDED = "call_amd_result", "call_connected_to_operator", "call_ended"
MISSED = "call_operator_missed"


@pytest.mark.parametrize(
    ("stream", "expected_events", "outcome", "cause"),
    [
        ("answered_abandoned", [ORIGINATED, RINGING, ANSWERED, ENDED], "abandoned", 16),
        ("answered_short", [ORIGINATED, RINGING, ANSWERED, ENDED], "abandoned", 16),
        ("busy", [ORIGINATED, ENDED], "busy", 17),
        ("no_answer", [ORIGINATED, RINGING, ENDED], "no_answer", 19),
        ("rejected", [ORIGINATED, RINGING, ENDED], "rejected", 21),
        ("congestion", [ORIGINATED, ENDED], "congestion", 34),
        ("machine", [ORIGINATED, RINGING, AMD, ENDED], "machine", 16),
        ("human_amd", [ORIGINATED, RINGING, AMD, ANSWERED, ENDED], "abandoned", 16),
        ("no_channel", [ENDED], "failed", None),
    ],
)
def test_each_outcome_of_the_simulator(
    stream: str, expected_events: list[str], outcome: str, cause: int | None
) -> None:
    view = new_view(attempt_id_of(stream))
    events = replay(load(stream), view)
    assert names(events) == expected_events
    ended = events[-1]
    assert isinstance(ended, CallEnded)
    assert (ended.outcome, ended.hangup_cause) == (outcome, cause)
    assert ended.call_id == view.attempt_id and ended.phone == view.phone
    assert ended.started_at <= ended.ended_at
    assert view.state == (AttemptState.FAILED if outcome == "failed" else AttemptState.FINISHED)
    answered = outcome in ("abandoned", "machine")
    assert (ended.answered_at is not None) == answered
    if answered:
        assert ended.started_at < ended.answered_at < ended.ended_at
        assert ended.recording == f"{view.attempt_id}.wav"


def test_times_come_from_the_pbx_timestamps() -> None:
    """Durations use Asterisk's own clock (I5): the Newchannel and Hangup `Timestamp` headers."""
    messages = load("answered_abandoned")
    stamps = {m.event: float(m.timestamp) for m in messages}
    view = new_view(attempt_id_of("answered_abandoned"))
    ended = replay(messages, view)[-1]
    assert isinstance(ended, CallEnded)
    assert ended.started_at == dt.datetime.fromtimestamp(stamps["Newchannel"], dt.UTC)
    assert ended.ended_at == dt.datetime.fromtimestamp(stamps["Hangup"], dt.UTC)
    assert ended.hangup_cause_text == "Normal Clearing" and ended.hangup_by == "client"


def test_machine_is_reported_then_hung_up() -> None:
    """F-42: AMD MACHINE → call_amd_result, no call_answered, outcome machine, hung up by the PBX."""
    view = new_view(attempt_id_of("machine"))
    events = replay(load("machine"), view)
    amd = next(e for e in events if isinstance(e, CallAmdResult))
    assert (amd.status, amd.cause) == ("MACHINE", "LONGGREETING-2000-1500")
    ended = events[-1]
    assert isinstance(ended, CallEnded) and ended.hangup_by == "system"


def test_operator_connection_through_the_dialplan() -> None:
    """F-43: the operator's leg answers → call_connected_to_operator; the call is `answered`."""
    operator = uuid.uuid4()
    view = new_view(attempt_id_of("operator_connected"), operator_id=operator)
    events = replay(load("operator_connected"), view)
    assert names(events) == [ORIGINATED, RINGING, ANSWERED, CONNECTED, ENDED]
    connected, ended = events[3], events[4]
    assert isinstance(connected, CallConnectedToOperator) and isinstance(ended, CallEnded)
    assert (connected.operator_id, connected.extension) == (operator, "101")
    assert ended.outcome == "answered" and ended.operator_id == operator and ended.extension == "101"
    assert ended.answered_at is not None and ended.connected_at == connected.connected_at
    assert ended.answered_at < ended.connected_at < ended.ended_at


def test_busy_operator_is_a_missed_ring() -> None:
    """F-43: the dialplan dials operator 103, who is busy; the client goes back on hold and hangs up."""
    operator = uuid.uuid4()
    view = new_view(attempt_id_of("operator_busy"), operator_id=operator)
    events = replay(load("operator_busy"), view)
    assert names(events) == [ORIGINATED, RINGING, ANSWERED, MISSED, ENDED]
    missed, ended = events[3], events[4]
    assert isinstance(missed, CallOperatorMissed) and isinstance(ended, CallEnded)
    assert (missed.extension, missed.dial_status, missed.operator_id) == ("103", "BUSY", operator)
    assert (ended.outcome, ended.hangup_by, ended.operator_id) == ("abandoned", "client", None)


def test_ring_all_offer_bridges_the_first_to_answer() -> None:
    """Ring-all: phones 101 and 102 are originated with Bridge; 101 answers, 102 is hung up, no miss."""
    view = new_view(attempt_id_of("ring_all"))
    events = replay(load("ring_all"), view)
    assert names(events) == [ORIGINATED, RINGING, ANSWERED, ENDED]  # 101 is nobody's extension here
    assert view.memory.extension == "101" and view.memory.connected_at is not None
    ended = events[-1]
    assert isinstance(ended, CallEnded) and ended.outcome == "answered" and ended.extension == "101"


def test_ring_all_answer_names_the_operator_by_extension() -> None:
    operator = uuid.uuid4()
    view = new_view(attempt_id_of("ring_all"))
    events = replay(load("ring_all"), view, operators={"101": operator})
    connected = next(e for e in events if isinstance(e, CallConnectedToOperator))
    assert (connected.operator_id, connected.extension) == (operator, "101")
    assert view.operator_id == operator


def test_real_asterisk_busy_capture() -> None:
    """Asterisk 22, PJSIP peer answering 486: DialEnd BUSY, Hangup 17, OriginateResponse Reason 0."""
    attempt = uuid.uuid4()
    view = new_view(attempt)
    events = replay(load("asterisk22_busy", {"crm-call-0001": str(attempt)}), view)
    assert names(events) == [ORIGINATED, ENDED]
    ended = events[-1]
    assert isinstance(ended, CallEnded)
    assert (ended.outcome, ended.hangup_cause, ended.hangup_cause_text) == ("busy", 17, "User busy")


def test_real_asterisk_answered_capture() -> None:
    """Asterisk 22 answered call hung up by its dialplan (no operator): abandoned, by the system."""
    attempt = uuid.uuid4()
    view = new_view(attempt)
    events = replay(load("asterisk22_answered", {"1795339223.0": str(attempt)}), view)
    assert names(events) == [ORIGINATED, RINGING, ENDED]
    ended = events[-1]
    assert isinstance(ended, CallEnded)
    assert (ended.outcome, ended.hangup_cause, ended.hangup_by) == ("abandoned", 16, "system")
