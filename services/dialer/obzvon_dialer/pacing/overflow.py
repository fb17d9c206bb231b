"""Abandon risk of one more dial: will an operator be free when its answer lands?

With ``A(s)`` the calls that will need an operator within ``s`` seconds and ``F(s + grace)`` the operators
free by then, a call answered at ``s`` finds nobody when the calls ahead of it are at least the
operators free by its deadline: ``A(s) − F(s + grace) >= 0``. Integrating over the new call's own
answer time gives its abandon probability (times the chance it is answered at all):

    risk = Σ_j (r(s_j) − r(s_{j−1})) · P(D(s_j) >= 0),

where ``D`` is a difference of sums of independent Bernoulli variables, approximated by a normal law
with a continuity correction.
"""

import math
from collections.abc import Sequence

_INV_SQRT2 = 1.0 / math.sqrt(2.0)


def prob_nonnegative(mean: float, var: float) -> float:
    """``P(D >= 0)`` for an integer-valued ``D`` with the given mean and variance (normal approx.)."""
    if var <= 1e-12:
        return 1.0 if mean > -0.5 else 0.0
    return 0.5 * (1.0 + math.erf((mean + 0.5) / math.sqrt(var) * _INV_SQRT2))


def landing_risk(
    d_mean: Sequence[float], d_var: Sequence[float], others: int, r_new: Sequence[float]
) -> float:
    """Probability that one more dial is answered and abandoned, after ``others`` new dials."""
    risk = 0.0
    previous = 0.0
    for j in range(len(d_mean)):
        r = r_new[j]
        step = r - previous
        if step > 0.0:
            previous = r
            risk += step * prob_nonnegative(d_mean[j] + others * r, d_var[j] + others * r * (1.0 - r))
    return risk


def dials_within_budget(
    d_mean: Sequence[float],
    d_var: Sequence[float],
    r_new: Sequence[float],
    max_risk: float,
    max_dials: int,
) -> int:
    """Largest ``n <= max_dials`` such that each added dial has at most ``max_risk`` abandon risk."""
    n = 0
    while n < max_dials and landing_risk(d_mean, d_var, n, r_new) <= max_risk:
        n += 1
    return n
