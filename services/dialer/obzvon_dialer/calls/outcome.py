"""How a call ended (``call_ended.outcome``), from what the PBX told about it.

Asterisk's ``Hangup`` cause on the client's channel is the primary source (asterisk.md §2: do not
trust ``OriginateResponse`` Reason); the ``DialEnd`` status fills in when the cause says nothing.
"""

from obzvon_db.enums import CallOutcome

BUSY_CAUSES = frozenset({17})
NO_ANSWER_CAUSES = frozenset({16, 18, 19, 26, 31})  # 16/31 before an answer: the dial was cancelled
REJECTED_CAUSES = frozenset({21})
CONGESTION_CAUSES = frozenset({34, 42})
DIAL_STATUS_OUTCOMES = {
    "BUSY": CallOutcome.BUSY,
    "NOANSWER": CallOutcome.NO_ANSWER,
    "CANCEL": CallOutcome.NO_ANSWER,
    "CONGESTION": CallOutcome.CONGESTION,
    "CHANUNAVAIL": CallOutcome.FAILED,
}


def outcome_from_cause(cause: int | None, dial_status: str | None = None) -> CallOutcome:
    """Outcome of a call the client never answered."""
    if cause in BUSY_CAUSES:
        return CallOutcome.BUSY
    if cause in REJECTED_CAUSES:
        return CallOutcome.REJECTED
    if cause in CONGESTION_CAUSES:
        return CallOutcome.CONGESTION
    if cause in NO_ANSWER_CAUSES:
        return CallOutcome.NO_ANSWER
    if not cause and dial_status in DIAL_STATUS_OUTCOMES:
        return DIAL_STATUS_OUTCOMES[dial_status]
    return CallOutcome.FAILED


def classify(
    *,
    answered: bool,
    connected: bool,
    amd_status: str | None,
    cause: int | None,
    dial_status: str | None = None,
) -> CallOutcome:
    """A machine is ``machine``; a human who talked to an operator is ``answered``; a human who hung
    up (or was dropped by the queue timeout) before any operator took the call is ``abandoned``."""
    if amd_status == "MACHINE":
        return CallOutcome.MACHINE
    if connected:
        return CallOutcome.ANSWERED
    if answered:
        return CallOutcome.ABANDONED
    return outcome_from_cause(cause, dial_status)
