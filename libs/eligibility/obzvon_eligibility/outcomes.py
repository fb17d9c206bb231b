"""What a finished call's outcome means for the retry rules (F-26): which rule counts it, and the
contact status that records it (so the last outcome can be read back from the status)."""

from obzvon_db.enums import CallOutcome, ContactStatus, RetryOutcome

#: Outcomes that count towards a retry rule ("Занято", "Нет ответа", "Автоответчик", "Потерян").
RETRY_OUTCOMES: dict[CallOutcome, RetryOutcome] = {
    CallOutcome.BUSY: RetryOutcome.BUSY,
    CallOutcome.NO_ANSWER: RetryOutcome.NO_ANSWER,
    CallOutcome.REJECTED: RetryOutcome.NO_ANSWER,
    CallOutcome.MACHINE: RetryOutcome.MACHINE,
    CallOutcome.ABANDONED: RetryOutcome.LOST,
}
RETRY_STATUSES: dict[RetryOutcome, ContactStatus] = {
    RetryOutcome.BUSY: ContactStatus.BUSY,
    RetryOutcome.NO_ANSWER: ContactStatus.NO_ANSWER,
    RetryOutcome.MACHINE: ContactStatus.MACHINE,
    RetryOutcome.LOST: ContactStatus.LOST,
}
STATUS_OUTCOMES = {status: outcome for outcome, status in RETRY_STATUSES.items()}


def retry_outcome(outcome: CallOutcome) -> RetryOutcome | None:
    return RETRY_OUTCOMES.get(outcome)


def last_outcome(status: ContactStatus) -> RetryOutcome | None:
    return STATUS_OUTCOMES.get(status)
