"""The calls report's client and operator statuses (admin manual §6.2), as the report shows them."""

from obzvon_db.enums import CallOutcome

CLIENT_ANSWERED = "Клиент ответил"
CLIENT_STATUS = {
    CallOutcome.MACHINE: "Автоответчик",
    CallOutcome.BUSY: "Занято",
    CallOutcome.NO_ANSWER: "Клиент не ответил",
    CallOutcome.REJECTED: "Отклонён",
    CallOutcome.CONGESTION: "Перегрузка сети",
    CallOutcome.FAILED: "Ошибка",
    CallOutcome.FAILED_UNKNOWN: "Ошибка",
}
OPERATOR_ANSWERED = "Оператор ответил"
OPERATOR_NO_ANSWER = "Оператор не отвечает"


def client_status(outcome: CallOutcome | None, answered: bool) -> str | None:
    """A person who picked up "answered", whatever happened next; None while the call is ringing."""
    if outcome == CallOutcome.MACHINE:
        return CLIENT_STATUS[outcome]
    if answered or outcome in (CallOutcome.ANSWERED, CallOutcome.ABANDONED):
        return CLIENT_ANSWERED
    return CLIENT_STATUS.get(outcome) if outcome is not None else None


def operator_status(outcome: CallOutcome | None, answered: bool, connected: bool) -> str | None:
    """Set once an operator took the call, or once a call a person answered ended without one."""
    if connected or outcome == CallOutcome.ANSWERED:
        return OPERATOR_ANSWERED
    if answered and outcome is not None and outcome != CallOutcome.MACHINE:
        return OPERATOR_NO_ANSWER
    return None
