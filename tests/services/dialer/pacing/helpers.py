"""Snapshots for pacer tests."""

import dataclasses
from collections.abc import Sequence

from obzvon_db.enums import DialMode
from obzvon_dialer.pacing import PacingSettings, PacingSnapshot, PacingStats


def warmed_stats(talks: int = 200, dials: int = 1000, answer_every: int = 3) -> PacingStats:
    """Measurements of a project that has run a while: 1 answer in ``answer_every`` at ~10 s, 2-min talks."""
    stats = PacingStats()
    for k in range(dials):
        answered = k % answer_every == 0
        stats.record_dial(8.0 + k % 9 if answered else 30.0, needs_operator=answered)
    for k in range(talks):
        stats.record_talk(60.0 + (k % 7) * 20.0)
        stats.record_wrap(10.0 + k % 10, after_talk_s=100.0)
    return stats


def snapshot(
    mode: DialMode = DialMode.PREDICTIVE,
    *,
    logged_in: int = 10,
    free: int = 0,
    talking: Sequence[float] = (),
    wrapping: Sequence[float] = (),
    ringing: Sequence[float] = (),
    waiting: int = 0,
    stats: PacingStats | None = None,
    now: float = 1000.0,
    **settings: object,
) -> PacingSnapshot:
    base = PacingSettings(mode=mode, max_concurrent_calls=100)
    return PacingSnapshot(
        now=now,
        operators_logged_in=logged_in,
        operators_free=free,
        talking=list(talking),
        wrapping=list(wrapping),
        ringing=list(ringing),
        waiting=waiting,
        stats=stats if stats is not None else warmed_stats(),
        settings=dataclasses.replace(base, **settings),
    )
