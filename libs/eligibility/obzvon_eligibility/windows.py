"""Calling windows as predicates on UTC instants, each able to say when it next opens (F-22, F-24).

A window answers ``is_open(t)`` and ``next_open(t)`` (the earliest ``t' >= t`` it is open, or ``None``
if never). :func:`next_allowed` intersects several windows by jumping to the latest next opening of
the closed ones until all are open; every window here repeats weekly, so if nothing fits within eight
days past the latest start, nothing ever will. Local times use IANA zones (DESIGN.md I5).
"""

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Protocol
from zoneinfo import ZoneInfo

MIDNIGHT = dt.time(0, 0)
# One IANA zone per Russian UTC offset, UTC+2 (Kaliningrad) to UTC+12 (Kamchatka), numbering.md §3.
RUSSIAN_ZONES = (
    "Europe/Kaliningrad",
    "Europe/Moscow",
    "Europe/Samara",
    "Asia/Yekaterinburg",
    "Asia/Omsk",
    "Asia/Krasnoyarsk",
    "Asia/Irkutsk",
    "Asia/Yakutsk",
    "Asia/Vladivostok",
    "Asia/Magadan",
    "Asia/Kamchatka",
)
SEARCH_DAYS = 8


class Window(Protocol):
    def is_open(self, t: dt.datetime) -> bool: ...

    def next_open(self, t: dt.datetime) -> dt.datetime | None: ...


def _span(day: dt.date, start: dt.time, end: dt.time, tz: ZoneInfo) -> tuple[dt.datetime, dt.datetime]:
    """A local interval of ``day``; an end of 00:00 means midnight at the end of the day."""
    begin = dt.datetime.combine(day, start, tzinfo=tz)
    finish_day = day + dt.timedelta(days=1) if end == MIDNIGHT else day
    return begin, dt.datetime.combine(finish_day, end, tzinfo=tz)


@dataclass(frozen=True)
class WeeklyHours:
    """Intervals per weekday (0 = Monday) in one zone; several per day allowed; end exclusive."""

    zone: str
    intervals: Mapping[int, Sequence[tuple[dt.time, dt.time]]]

    def _spans(self, t: dt.datetime) -> list[tuple[dt.datetime, dt.datetime]]:
        tz = ZoneInfo(self.zone)
        today = t.astimezone(tz).date()
        spans = []
        for offset in range(-1, SEARCH_DAYS):
            day = today + dt.timedelta(days=offset)
            for start, end in self.intervals.get(day.weekday(), ()):
                spans.append(_span(day, start, end, tz))
        return sorted(spans)

    def is_open(self, t: dt.datetime) -> bool:
        return any(begin <= t < finish for begin, finish in self._spans(t))

    def next_open(self, t: dt.datetime) -> dt.datetime | None:
        for begin, finish in self._spans(t):
            if finish > t and begin < finish:
                return max(begin, t)
        return None


def daily(zone: str, start: dt.time, end: dt.time) -> WeeklyHours:
    """The same interval every day (the client's calling window in its own zone)."""
    return WeeklyHours(zone, {d: ((start, end),) for d in range(7)})


@dataclass(frozen=True)
class DateRange:
    """Project dates in the call-centre zone: from ``starts_on`` 00:00 to the midnight ending ``ends_on``."""

    zone: str
    starts_on: dt.date | None
    ends_on: dt.date | None

    @property
    def begin(self) -> dt.datetime | None:
        if self.starts_on is None:
            return None
        return dt.datetime.combine(self.starts_on, MIDNIGHT, tzinfo=ZoneInfo(self.zone))

    @property
    def finish(self) -> dt.datetime | None:
        if self.ends_on is None:
            return None
        return dt.datetime.combine(self.ends_on + dt.timedelta(days=1), MIDNIGHT, tzinfo=ZoneInfo(self.zone))

    def is_open(self, t: dt.datetime) -> bool:
        begin, finish = self.begin, self.finish
        return (begin is None or t >= begin) and (finish is None or t < finish)

    def next_open(self, t: dt.datetime) -> dt.datetime | None:
        begin, finish = self.begin, self.finish
        candidate = t if begin is None else max(t, begin)
        return None if finish is not None and candidate >= finish else candidate


@dataclass(frozen=True)
class AllOf:
    """Open when every part is open (e.g. a client window in every Russian zone at once)."""

    parts: Sequence[Window] = field(default_factory=tuple)

    def is_open(self, t: dt.datetime) -> bool:
        return all(p.is_open(t) for p in self.parts)

    def next_open(self, t: dt.datetime) -> dt.datetime | None:
        return next_allowed(self.parts, t)


def every_russian_zone(start: dt.time, end: dt.time) -> AllOf:
    """The client window for a number with no known zone: open only when open in all of Russia."""
    return AllOf(tuple(daily(zone, start, end) for zone in RUSSIAN_ZONES))


def next_allowed(windows: Sequence[Window], t: dt.datetime) -> dt.datetime | None:
    """Earliest instant ``>= t`` at which every window is open, or ``None`` if there is none."""
    anchor = t
    for window in windows:
        if isinstance(window, DateRange) and window.begin is not None:
            anchor = max(anchor, window.begin)
    limit = anchor + dt.timedelta(days=SEARCH_DAYS)
    current = t
    while current <= limit:
        latest = current
        for window in windows:
            if window.is_open(current):
                continue
            opening = window.next_open(current)
            if opening is None:
                return None
            latest = max(latest, opening)
        if latest == current:
            return current
        current = latest
    return None
