"""A project like the manual's example: Moscow call centre, weekday hours, client window 09:00–21:00."""

import datetime as dt

import pytest
from obzvon_db.enums import RetryOutcome
from obzvon_eligibility import ProjectRules, RetryRule

T = dt.time


def every_day(start: dt.time, end: dt.time) -> dict[int, tuple[tuple[dt.time, dt.time], ...]]:
    return {d: ((start, end),) for d in range(7)}


@pytest.fixture
def project() -> ProjectRules:
    return ProjectRules(
        running=True,
        timezone="Europe/Moscow",
        weekday_hours=every_day(T(0, 0), T(0, 0)),
        client_window=(T(9, 0), T(21, 0)),
        max_attempts=10,
        retry_rules={
            RetryOutcome.BUSY: RetryRule.parse("15;60;1440;60", 5),
            RetryOutcome.NO_ANSWER: RetryRule.parse("240;1380;162", 3),
            RetryOutcome.MACHINE: RetryRule.parse("3360;1440;120", 3),
            RetryOutcome.LOST: RetryRule.parse("1;2;4;6", 4),
        },
    )
