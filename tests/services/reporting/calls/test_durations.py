"""The calls report's durations (F-61, admin manual §6.2): «Длит.» = «Дозвон» + «Биллинг» and
«Биллинг» = «Ожид.» + «Разг.», as in the manual's rows (21 = 2 + 19, 19 = 19 + 0; 14 = 2 + 12, 12 = 9 + 3)."""

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st
from obzvon_reporting.calls.durations import Durations, durations

T0 = dt.datetime(2026, 4, 21, 12, 47, tzinfo=dt.UTC)


def at(seconds: float) -> dt.datetime:
    return T0 + dt.timedelta(seconds=seconds)


def test_manual_rows() -> None:
    assert durations(T0, at(2), None, at(21)) == Durations(21, 19, 2, 19, 0)
    assert durations(T0, at(2.2), at(11.1), at(14.3)) == Durations(14, 12, 2, 9, 3)


def test_unanswered_call_is_all_dialing() -> None:
    assert durations(T0, None, None, at(30.4)) == Durations(30, 0, 30, 0, 0)


def test_call_in_progress_has_no_durations_yet() -> None:
    assert durations(T0, at(2), None, None) == Durations()


@given(
    st.one_of(st.none(), st.floats(-600, 600)),
    st.one_of(st.none(), st.floats(-600, 600)),
    st.floats(-60, 3600),
)
def test_parts_always_add_up(answer: float | None, connect: float | None, length: float) -> None:
    """Whatever the rounding or a skewed clock (F7), nothing is negative and the parts add up."""
    answered = at(answer) if answer is not None else None
    connected = at(answer + connect) if answer is not None and connect is not None else None
    result = durations(T0, answered, connected, at(length))
    assert min(result.duration_s, result.billing_s, result.dial_s, result.wait_s, result.talk_s) >= 0
    assert result.duration_s == result.dial_s + result.billing_s
    assert result.billing_s == result.wait_s + result.talk_s
