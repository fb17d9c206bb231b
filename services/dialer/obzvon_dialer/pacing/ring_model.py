"""When dialled calls will need an operator: empirical answer-time hazard blended with a prior.

For a call still ringing after ``a`` seconds, ``ahead(a)[j]`` is the probability that it is answered by a
party needing an operator within the next ``GRID[j]`` seconds; ``ahead(0)`` is the same for a new dial.
The measured counts are blended with ``prior_weight`` pseudo-dials answered at the prior rate
(the project's predictive percentage) along a lognormal answer-time curve, and the answer rate is
raised by one standard error so that a young estimate over- rather than under-states answers
(pacing.md §7: conservative at shift start).
"""

import math
from collections.abc import Callable, Sequence

from obzvon_dialer.pacing.stats import RING_BINS, PacingStats

GRID: tuple[int, ...] = (0, 1, 2, 3, 5, 7, 9, 11, 14, 17, 20, 24, 28, 32)
PRIOR_RING_MEAN_S = 12.0
PRIOR_RING_CV = 0.6


def _lognormal_cdf(x: float, mean: float, cv: float) -> float:
    if x <= 0:
        return 0.0
    sigma2 = math.log(1.0 + cv * cv)
    mu = math.log(mean) - sigma2 / 2.0
    return 0.5 * (1.0 + math.erf((math.log(x) - mu) / math.sqrt(2.0 * sigma2)))


class RingModel:
    """Probabilities that calls in flight (or new ones) need an operator within each horizon of GRID."""

    def __init__(
        self, stats: PacingStats, prior_rate: float, timeout_s: float, prior_weight: float = 20.0
    ) -> None:
        top = min(int(timeout_s) + 1, RING_BINS - 1)
        prior_rate = min(max(prior_rate, 0.01), 1.0)
        norm = _lognormal_cdf(timeout_s, PRIOR_RING_MEAN_S, PRIOR_RING_CV) or 1.0
        answered = [float(c) for c in stats.ring_answered[: top + 1]]
        ended = [float(c) for c in stats.ring_ended[: top + 1]]
        for b in range(top + 1):
            share = (
                _lognormal_cdf(b + 1, PRIOR_RING_MEAN_S, PRIOR_RING_CV)
                - _lognormal_cdf(b, PRIOR_RING_MEAN_S, PRIOR_RING_CV)
            ) / norm
            answered[b] += prior_weight * prior_rate * share
            ended[b] += prior_weight * prior_rate * share
        ended[top] += prior_weight * (1.0 - prior_rate)
        ended[top] += sum(stats.ring_ended[top + 1 :])
        total = float(stats.dials) + prior_weight
        rate = sum(answered) / total
        boost = 1.0 + math.sqrt(max(1.0 - rate, 0.0) / max(rate * total, 1e-9))
        self.rate = min(rate * boost, 1.0)
        cum_a = [0.0] * (top + 2)
        cum_e = [0.0] * (top + 2)
        for b in range(top + 1):
            cum_a[b + 1] = cum_a[b] + answered[b]
            cum_e[b + 1] = cum_e[b] + ended[b]
        self._rows: list[tuple[float, ...]] = []
        for age in range(top + 1):
            alive = total - cum_e[age]
            if alive <= 1e-9:
                self._rows.append(tuple(0.0 for _ in GRID))
                continue
            base = cum_a[age]
            self._rows.append(
                tuple(min(1.0, boost * (cum_a[min(age + s, top + 1)] - base) / alive) for s in GRID)
            )
        self._empty = tuple(0.0 for _ in GRID)

    def ahead(self, age: float) -> tuple[float, ...]:
        """Per GRID horizon, P(needs an operator within it | still ringing after ``age`` seconds)."""
        i = int(age)
        return self._rows[i] if 0 <= i < len(self._rows) else self._empty


def expected_arrivals(
    ringing: Sequence[float], waiting: int, ahead: Callable[[float], tuple[float, ...]]
) -> tuple[list[float], list[float]]:
    """Mean and variance, per GRID horizon, of calls needing an operator (waiting ones included).

    ``ahead(age)`` gives a ringing call's probabilities; calls are grouped by whole seconds of age.
    """
    n = len(GRID)
    mean = [float(waiting)] * n
    var = [0.0] * n
    by_age: dict[int, int] = {}
    for age in ringing:
        key = int(age)
        by_age[key] = by_age.get(key, 0) + 1
    for key, count in by_age.items():
        row = ahead(key)
        for j in range(n):
            r = row[j]
            mean[j] += count * r
            var[j] += count * r * (1.0 - r)
    return mean, var
