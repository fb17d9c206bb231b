"""The call state machine absorbs repeated, reordered and late AMI events (reliability.md F6, I3)."""

import uuid

from obzvon_db.enums import AttemptState, CallOutcome
from obzvon_dialer.calls.machine import advance, close
from obzvon_dialer.calls.signals import CallSignal, Leg, SignalKind
from obzvon_events.calls import CallEnded

from tests.services.dialer.streams import EPOCH, attempt_id_of, load, names, new_view, replay

STREAMS = [
    "answered_abandoned",
    "busy",
    "no_answer",
    "rejected",
    "machine",
    "human_amd",
    "operator_connected",
]


def test_every_event_twice_changes_nothing() -> None:
    for stream in STREAMS:
        once, twice = new_view(attempt_id_of(stream)), new_view(attempt_id_of(stream))
        once.operator_id = twice.operator_id = uuid.uuid4()
        twice.contact_id = once.contact_id
        messages = load(stream)
        expected = replay(messages, once)
        doubled = replay([m for m in messages for _ in (1, 2)], twice)
        assert [e.model_dump() for e in doubled] == [e.model_dump() for e in expected], stream
        assert (twice.state, twice.outcome) == (once.state, once.outcome)


def test_hangup_before_the_originate_response_keeps_the_real_outcome() -> None:
    """Asterisk emits OriginateResponse anywhere around the Hangup; a busy call stays busy."""
    messages = load("busy")
    response = next(m for m in messages if m.event == "OriginateResponse")
    reordered = [m for m in messages if m is not response] + [response]
    view = new_view(attempt_id_of("busy"))
    events = replay(reordered, view)
    assert names(events) == ["call_originated", "call_ended"]
    assert view.outcome == CallOutcome.BUSY


def test_a_finished_call_ignores_late_events() -> None:
    view = new_view(attempt_id_of("answered_abandoned"))
    messages = load("answered_abandoned")
    replay(messages, view)
    assert replay(messages, view) == []
    assert view.state == AttemptState.FINISHED


def test_failure_response_after_a_channel_waits_for_the_hangup() -> None:
    view = new_view(uuid.uuid4())
    advance(view, CallSignal(SignalKind.SEEN, view.attempt_id, EPOCH, channel="PJSIP/trunk1-00000001"))
    assert advance(view, CallSignal(SignalKind.ORIGINATE_FAILED, view.attempt_id, EPOCH, cause=0)) == []
    assert view.state == AttemptState.ORIGINATING and view.memory.channel == "PJSIP/trunk1-00000001"


def test_states_only_move_forward() -> None:
    view = new_view(uuid.uuid4())
    advance(view, CallSignal(SignalKind.UP, view.attempt_id, EPOCH))
    assert advance(view, CallSignal(SignalKind.RINGING, view.attempt_id, EPOCH)) == []
    assert view.state == AttemptState.ANSWERED


def test_operator_leg_hangup_does_not_end_the_call() -> None:
    view = new_view(uuid.uuid4())
    advance(view, CallSignal(SignalKind.UP, view.attempt_id, EPOCH))
    events = advance(view, CallSignal(SignalKind.HANGUP, view.attempt_id, EPOCH, Leg.OPERATOR, cause=16))
    assert events == [] and not view.finished


def test_closing_a_lost_call_keeps_what_was_known() -> None:
    """I2: the reconciler closes a vanished call as failed_unknown; the answer time survives."""
    view = new_view(uuid.uuid4())
    advance(view, CallSignal(SignalKind.UP, view.attempt_id, EPOCH))
    (ended,) = close(view, CallOutcome.FAILED_UNKNOWN, EPOCH)
    assert isinstance(ended, CallEnded)
    assert (ended.outcome, ended.answered_at) == ("failed_unknown", EPOCH)
    assert view.state == AttemptState.FAILED
    assert close(view, CallOutcome.FAILED_UNKNOWN, EPOCH) == []


def test_lost_answer_is_read_from_the_hangup() -> None:
    """Only the Hangup got through (the link came back late): its ChannelState Up still tells that a
    person answered, so the call is not mistaken for an unanswered one."""
    view = new_view(attempt_id_of("answered_abandoned"))
    hangup = [m for m in load("answered_abandoned") if m.event == "Hangup"]
    events = replay(hangup, view)
    assert names(events) == ["call_originated", "call_ended"]
    ended = events[-1]
    assert isinstance(ended, CallEnded)
    assert ended.outcome == "abandoned" and ended.answered_at == ended.ended_at
