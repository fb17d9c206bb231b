"""Whole-second durations of a call (admin manual §6.2): «Длит.» = «Дозвон» + «Биллинг» and
«Биллинг» = «Ожид.» + «Разг.», exactly, whatever the rounding.

- duration: start → end; dial: start → answer (the whole call when never answered);
- billing: answer → end; wait: answer → operator (→ end when no operator took it); talk: operator → end.
"""

import datetime as dt
from dataclasses import dataclass


@dataclass(frozen=True)
class Durations:
    duration_s: int = 0
    billing_s: int = 0
    dial_s: int = 0
    wait_s: int = 0
    talk_s: int = 0


def _seconds(start: dt.datetime | None, end: dt.datetime | None) -> int:
    if start is None or end is None:
        return 0
    return max(0, round((end - start).total_seconds()))


def durations(
    started_at: dt.datetime,
    answered_at: dt.datetime | None,
    connected_at: dt.datetime | None,
    ended_at: dt.datetime | None,
) -> Durations:
    if ended_at is None:
        return Durations()
    duration = _seconds(started_at, ended_at)
    if answered_at is None:
        return Durations(duration_s=duration, dial_s=duration)
    dial = min(duration, _seconds(started_at, answered_at))
    billing = duration - dial
    if connected_at is None:
        return Durations(duration, billing, dial, billing, 0)
    wait = min(billing, _seconds(answered_at, connected_at))
    return Durations(duration, billing, dial, wait, billing - wait)
