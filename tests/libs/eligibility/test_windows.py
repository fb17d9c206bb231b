"""Calling windows (F-22, F-24): project dates, weekday hours, the client's own window and time zones."""

import datetime as dt
from zoneinfo import ZoneInfo

from hypothesis import given, settings
from hypothesis import strategies as st
from obzvon_eligibility.windows import (
    DateRange,
    WeeklyHours,
    daily,
    every_russian_zone,
    next_allowed,
)

MSK = ZoneInfo("Europe/Moscow")
T = dt.time


def msk(y: int, m: int, d: int, hh: int, mm: int = 0) -> dt.datetime:
    return dt.datetime(y, m, d, hh, mm, tzinfo=MSK)


def test_weekday_hours_allow_several_intervals_per_day() -> None:
    """F-24: Monday 09:00–12:00 and 14:00–18:00; Tuesday 10:00–11:00; nothing else."""
    hours = WeeklyHours("Europe/Moscow", {0: ((T(9), T(12)), (T(14), T(18))), 1: ((T(10), T(11)),)})
    monday = msk(2026, 11, 23, 12, 30)  # 2026-11-23 is a Monday
    assert not hours.is_open(monday)
    assert hours.next_open(monday) == msk(2026, 11, 23, 14)
    assert hours.is_open(msk(2026, 11, 23, 17, 59))
    assert hours.next_open(msk(2026, 11, 23, 18)) == msk(2026, 11, 24, 10)
    assert hours.next_open(msk(2026, 11, 24, 11)) == msk(2026, 11, 30, 9)  # next Monday


def test_project_that_ends_at_midnight() -> None:
    """F-22: a project ending on the 30th runs through 23:59:59 of the 30th, call-centre time."""
    dates = DateRange("Europe/Moscow", dt.date(2026, 11, 1), dt.date(2026, 11, 30))
    assert dates.is_open(msk(2026, 11, 30, 23, 59))
    assert not dates.is_open(msk(2026, 12, 1, 0, 0))
    assert dates.next_open(msk(2026, 12, 1, 0, 0)) is None
    assert dates.next_open(msk(2026, 10, 31, 12)) == msk(2026, 11, 1, 0)


def test_window_ending_at_midnight_covers_the_evening() -> None:
    """An interval ending at 00:00 means up to midnight at the end of that day."""
    hours = daily("Europe/Moscow", T(18), T(0))
    assert hours.is_open(msk(2026, 11, 23, 23, 59))
    assert not hours.is_open(msk(2026, 11, 24, 0, 0))


def test_client_window_in_kaliningrad_and_kamchatka() -> None:
    """F-22: 09:00 in Kaliningrad (UTC+2) is 10:00 Moscow; 09:00 in Kamchatka (UTC+12) is 00:00 Moscow."""
    utc = dt.datetime(2026, 11, 23, 6, 30, tzinfo=dt.UTC)  # 08:30 Kaliningrad, 18:30 Kamchatka
    kaliningrad = daily("Europe/Kaliningrad", T(9), T(21))
    kamchatka = daily("Asia/Kamchatka", T(9), T(21))
    assert not kaliningrad.is_open(utc)
    assert kaliningrad.next_open(utc) == dt.datetime(2026, 11, 23, 7, 0, tzinfo=dt.UTC)
    assert kamchatka.is_open(utc)
    late = dt.datetime(2026, 11, 23, 9, 0, tzinfo=dt.UTC)  # 21:00 in Kamchatka: closed
    assert not kamchatka.is_open(late)
    assert kamchatka.next_open(late) == dt.datetime(2026, 11, 23, 21, 0, tzinfo=dt.UTC)


def test_unknown_zone_uses_the_window_open_in_every_russian_zone() -> None:
    """09:00–21:00 everywhere from UTC+2 to UTC+12 is 07:00–09:00 UTC (10:00–12:00 Moscow)."""
    window = every_russian_zone(T(9), T(21))
    assert window.next_open(msk(2026, 11, 23, 8)) == msk(2026, 11, 23, 10)
    assert window.is_open(msk(2026, 11, 23, 11, 59))
    assert not window.is_open(msk(2026, 11, 23, 12, 0))
    assert window.next_open(msk(2026, 11, 23, 12, 0)) == msk(2026, 11, 24, 10)


def test_window_that_never_opens_everywhere() -> None:
    """A 10-hour window cannot be open in UTC+2 and UTC+12 at once: an unknown zone is never called."""
    window = every_russian_zone(T(9), T(19))
    assert window.next_open(msk(2026, 11, 23, 8)) is None


def test_windows_that_never_overlap() -> None:
    """Call-centre hours 09–12 Moscow and a Kamchatka client window 09–21 never meet (00–12 Moscow ok)."""
    hours = daily("Europe/Moscow", T(13), T(20))
    client = daily("Asia/Kamchatka", T(9), T(21))  # 00:00–12:00 Moscow
    assert next_allowed([hours, client], msk(2026, 11, 23, 8)) is None


WINDOW_TIMES = st.times().map(lambda t: t.replace(second=0, microsecond=0))


@settings(max_examples=100, deadline=None)
@given(
    start=WINDOW_TIMES,
    length_min=st.integers(30, 23 * 60),
    cc_start=WINDOW_TIMES,
    cc_length_min=st.integers(30, 23 * 60),
    zone=st.sampled_from(["Europe/Kaliningrad", "Europe/Moscow", "Asia/Kamchatka", None]),
    instant=st.datetimes(
        min_value=dt.datetime(2026, 1, 1), max_value=dt.datetime(2027, 12, 31), timezones=st.just(dt.UTC)
    ),
)
def test_next_allowed_is_not_earlier_and_lands_inside_every_window(
    start: dt.time,
    length_min: int,
    cc_start: dt.time,
    cc_length_min: int,
    zone: str | None,
    instant: dt.datetime,
) -> None:
    """Property: ``next_allowed(t) >= t`` and every window is open there; if ``t`` is open it is ``t``."""

    def plus(t: dt.time, minutes: int) -> dt.time:
        moved = dt.datetime.combine(dt.date(2000, 1, 1), t) + dt.timedelta(minutes=minutes)
        return moved.time()

    end = plus(start, length_min)
    cc_end = plus(cc_start, cc_length_min)
    if (end <= start and end != T(0)) or (cc_end <= cc_start and cc_end != T(0)):
        return  # intervals do not wrap past midnight (an end of 00:00 means midnight)
    client = daily(zone, start, end) if zone else every_russian_zone(start, end)
    windows = [WeeklyHours("Europe/Moscow", {d: ((cc_start, cc_end),) for d in (0, 2, 3, 5)}), client]
    found = next_allowed(windows, instant)
    if found is None:
        return
    assert found >= instant
    assert all(w.is_open(found) for w in windows)
    if all(w.is_open(instant) for w in windows):
        assert found == instant
