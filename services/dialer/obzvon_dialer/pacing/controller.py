"""Abandon-rate self-regulation: how much abandon risk one more dial may carry (pacing.md §3, §7).

The set-point is a little below the abandon target minus the measured AMD false-positive rate (false
positives are abandoned live calls the dialer cannot see). The marginal-risk threshold is an integral
controller on the day's counts: ``log θ = log θ0 + κ · (set-point · answers − abandoned)``
with ``κ`` shrinking like ``1/√operators`` (a big team answers many calls; one abandon says little), so every
abandon above the budget makes the next dials more careful and every answered call that reached an
operator earns a little room back. A rolling window above the target halves θ; a day above the
target quarters it.
"""

import math

from obzvon_dialer.pacing.settings import PacingSettings
from obzvon_dialer.pacing.stats import PacingStats

THETA_PER_SETPOINT = 1.3  # starting threshold, in set-points
GAIN = 0.35  # κ·√operators: κ is the change of log θ per abandoned call away from the budget
THETA_MIN = 0.001
THETA_MAX = 0.5
ROLLING_MIN_ANSWERS = 20
DAY_MIN_ANSWERS = 50


def setpoint(settings: PacingSettings, stats: PacingStats, operators: int) -> float:
    """The abandon rate aimed at: a little below the target minus AMD false positives.

    The margin shrinks like ``1/√operators`` (pacing.md §7: a small team answers few calls a day, so
    its daily rate is noisy and needs more room to stay under the target on most days).
    """
    budget = max(settings.abandon_target - stats.amd_false_positive_rate, 0.0)
    share = 1.0 - settings.setpoint_margin / math.sqrt(max(operators, 1))
    return budget * min(max(share, 0.5), 0.95)


def marginal_threshold(settings: PacingSettings, stats: PacingStats, now: float, operators: int) -> float:
    """Largest acceptable abandon probability of the next live answer a dial may bring."""
    sp = setpoint(settings, stats, operators)
    if sp <= 0.0:
        return 0.0
    day = stats.day()
    error = sp * day.answers - day.abandoned
    gain = GAIN / math.sqrt(max(operators, 1))
    theta = THETA_PER_SETPOINT * sp * math.exp(max(min(gain * error, 20.0), -20.0))
    rolling = stats.rolling(now)
    if rolling.answers >= ROLLING_MIN_ANSWERS and rolling.rate > settings.abandon_target:
        theta *= 0.5
    if day.answers >= DAY_MIN_ANSWERS and day.rate > settings.abandon_target:
        theta *= 0.25
    return min(max(theta, THETA_MIN), THETA_MAX)
