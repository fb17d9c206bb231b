"""Client and operator statuses of the calls report (F-61, admin manual §6.2)."""

import pytest
from obzvon_db.enums import CallOutcome
from obzvon_reporting.calls.statuses import client_status, operator_status


@pytest.mark.parametrize(
    ("outcome", "answered", "client"),
    [
        (CallOutcome.ANSWERED, True, "Клиент ответил"),
        (CallOutcome.ABANDONED, True, "Клиент ответил"),
        (CallOutcome.FAILED_UNKNOWN, True, "Клиент ответил"),
        (CallOutcome.MACHINE, True, "Автоответчик"),
        (CallOutcome.BUSY, False, "Занято"),
        (CallOutcome.NO_ANSWER, False, "Клиент не ответил"),
        (CallOutcome.REJECTED, False, "Отклонён"),
        (CallOutcome.CONGESTION, False, "Перегрузка сети"),
        (CallOutcome.FAILED, False, "Ошибка"),
        (CallOutcome.FAILED_UNKNOWN, False, "Ошибка"),
        (None, True, "Клиент ответил"),
        (None, False, None),
    ],
)
def test_client_status(outcome: CallOutcome | None, answered: bool, client: str | None) -> None:
    assert client_status(outcome, answered) == client


@pytest.mark.parametrize(
    ("outcome", "answered", "connected", "operator"),
    [
        (CallOutcome.ANSWERED, True, True, "Оператор ответил"),
        (None, True, True, "Оператор ответил"),  # talking right now
        (CallOutcome.ABANDONED, True, False, "Оператор не отвечает"),
        (CallOutcome.FAILED_UNKNOWN, True, False, "Оператор не отвечает"),
        (None, True, False, None),  # still waiting in the queue
        (CallOutcome.MACHINE, True, False, None),
        (CallOutcome.BUSY, False, False, None),
    ],
)
def test_operator_status(
    outcome: CallOutcome | None, answered: bool, connected: bool, operator: str | None
) -> None:
    assert operator_status(outcome, answered, connected) == operator
