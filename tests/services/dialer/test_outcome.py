"""Outcome classification from the Hangup cause, the dial status and AMD (F-26 retry categories)."""

import pytest
from obzvon_db.enums import CallOutcome
from obzvon_dialer.calls.outcome import classify


@pytest.mark.parametrize(
    ("cause", "dial_status", "outcome"),
    [
        (17, None, CallOutcome.BUSY),
        (17, "BUSY", CallOutcome.BUSY),
        (19, None, CallOutcome.NO_ANSWER),
        (18, "NOANSWER", CallOutcome.NO_ANSWER),
        (16, None, CallOutcome.NO_ANSWER),  # cancelled while ringing
        (21, "NOANSWER", CallOutcome.REJECTED),
        (34, "CONGESTION", CallOutcome.CONGESTION),
        (42, None, CallOutcome.CONGESTION),
        (1, "NOANSWER", CallOutcome.FAILED),  # unallocated number
        (20, "CHANUNAVAIL", CallOutcome.FAILED),
        (3, None, CallOutcome.FAILED),
        (38, None, CallOutcome.FAILED),
        (None, None, CallOutcome.FAILED),
        (0, "BUSY", CallOutcome.BUSY),  # no cause: the dial status decides
        (0, "CONGESTION", CallOutcome.CONGESTION),
        (0, "NOANSWER", CallOutcome.NO_ANSWER),
    ],
)
def test_unanswered_call_by_cause(cause: int | None, dial_status: str | None, outcome: CallOutcome) -> None:
    assert classify(
        answered=False, connected=False, amd_status=None, cause=cause, dial_status=dial_status
    ) == (outcome)


@pytest.mark.parametrize(
    ("answered", "connected", "amd", "outcome"),
    [
        (True, True, None, CallOutcome.ANSWERED),
        (True, True, "HUMAN", CallOutcome.ANSWERED),
        (True, False, None, CallOutcome.ABANDONED),
        (True, False, "NOTSURE", CallOutcome.ABANDONED),
        (True, False, "MACHINE", CallOutcome.MACHINE),
    ],
)
def test_answered_call(answered: bool, connected: bool, amd: str | None, outcome: CallOutcome) -> None:
    """A person who talked to an operator is `answered`; one left without an operator is `abandoned`."""
    assert classify(answered=answered, connected=connected, amd_status=amd, cause=16) == outcome
