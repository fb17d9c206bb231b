"""Retry schedules per outcome (F-26): "15;60;1440;60" with an attempt count."""

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st
from obzvon_eligibility import RetryRule, RetryRuleError

AT = dt.datetime(2026, 11, 23, 10, 0, tzinfo=dt.UTC)


def test_busy_schedule_of_the_manual() -> None:
    """Retries after the 1st…4th busy wait 15 min, 1 h, 24 h, 1 h; the 5th busy ends dialling."""
    rule = RetryRule.parse("15;60;1440;60", 5)
    waits = [rule.retry_at(k, AT) for k in range(1, 6)]
    assert waits[:4] == [AT + dt.timedelta(minutes=m) for m in (15, 60, 1440, 60)]
    assert waits[4] is None
    assert rule.retries == 4


def test_last_interval_repeats_past_the_list() -> None:
    """ "1;2" with 5 attempts: the 3rd and 4th retries wait 2 minutes, like the last listed one."""
    rule = RetryRule.parse("1;2", 5)
    assert [rule.delay(k) for k in range(1, 5)] == [dt.timedelta(minutes=m) for m in (1, 2, 2, 2)]


def test_no_outcome_yet_is_not_a_retry() -> None:
    assert not RetryRule.parse("15", 3).allows_retry(0)


@pytest.mark.parametrize("text", ["15;abc", "0;5", "-5", "15,60"])
def test_bad_interval_text_is_rejected(text: str) -> None:
    with pytest.raises(RetryRuleError):
        RetryRule.parse(text, 3)


def test_spaces_and_trailing_separator_are_tolerated() -> None:
    assert RetryRule.parse(" 15; 60 ;", 3).intervals_min == (15, 60)


@given(
    intervals=st.lists(st.integers(1, 5000), min_size=1, max_size=6),
    attempts=st.integers(0, 10),
    count=st.integers(0, 12),
)
def test_retry_only_below_the_attempt_count_and_never_in_the_past(
    intervals: list[int], attempts: int, count: int
) -> None:
    rule = RetryRule.parse(";".join(map(str, intervals)), attempts)
    at = rule.retry_at(count, AT)
    assert (at is not None) == (0 < count < attempts)
    if at is not None:
        assert at - AT in {dt.timedelta(minutes=m) for m in intervals}
