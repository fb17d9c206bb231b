"""Dial pacing (F-41): how many calls to originate now, from operators, calls in flight and measurements.

:class:`Pacer` is pure (no I/O); the campaign loop builds a :class:`PacingSnapshot` and feeds a
per-project :class:`PacingStats`. :mod:`obzvon_dialer.pacing.simulation` replays a call centre against
the same class (F-82).
"""

from obzvon_dialer.pacing.policy import Pacer, progressive_dials
from obzvon_dialer.pacing.settings import PacingSettings
from obzvon_dialer.pacing.snapshot import PacingSnapshot
from obzvon_dialer.pacing.stats import AbandonCounts, PacingStats

__all__ = ["AbandonCounts", "Pacer", "PacingSettings", "PacingSnapshot", "PacingStats", "progressive_dials"]
