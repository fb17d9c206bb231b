"""The oracle reference (pacing.md §5): the predictive model given the truth it cannot have.

It knows the scenario's true answer-time distribution and answer rate, and the exact moment each busy
operator will be ready (talk and wrap-up revealed at connect); only dial outcomes stay random. Its one
knob, the marginal abandon probability ``theta``, is tuned by bisection to the target abandon rate.
"""

import math
from bisect import bisect_right
from typing import Any

from obzvon_dialer.pacing.overflow import dials_within_budget
from obzvon_dialer.pacing.policy import progressive_dials
from obzvon_dialer.pacing.ring_model import GRID, expected_arrivals
from obzvon_dialer.pacing.simulation.scenario import Scenario
from obzvon_dialer.pacing.snapshot import PacingSnapshot


def _ring_cdf(x: float, sc: Scenario) -> float:
    """Answer-time CDF of answered calls: lognormal truncated at the dial timeout."""

    def raw(v: float) -> float:
        if v <= 0:
            return 0.0
        s2 = math.log(1.0 + sc.ring_cv**2)
        mu = math.log(sc.ring_mean_s) - s2 / 2.0
        return 0.5 * (1.0 + math.erf((math.log(v) - mu) / math.sqrt(2.0 * s2)))

    return raw(min(x, sc.dial_timeout_s)) / raw(sc.dial_timeout_s)


def _fail_cdf(x: float) -> float:
    return min(max((x - 2.0) / 6.0, 0.0), 1.0)


class OraclePacer:
    def __init__(self, scenario: Scenario, theta: float, max_lines_per_operator: float = 8.0) -> None:
        sc = scenario
        self.theta = theta
        self.cap = max_lines_per_operator
        self.grace = sc.abandon_grace_s
        q = sc.p_live + sc.p_machine
        if sc.amd:
            q = sc.p_live * (1 - sc.amd_false_positive) + sc.p_machine * (1 - sc.amd_sensitivity)
        self.rate = q
        self.rows: list[tuple[float, ...]] = []
        for age in range(int(sc.dial_timeout_s) + 1):
            a = age + 0.5 if age else 0.0
            alive = 1.0 - (sc.p_live + sc.p_machine) * _ring_cdf(a, sc) - sc.p_fast_fail * _fail_cdf(a)
            if a >= sc.dial_timeout_s or alive <= 1e-9:
                self.rows.append(tuple(0.0 for _ in GRID))
                continue
            base = _ring_cdf(a, sc)
            self.rows.append(tuple(q * (_ring_cdf(a + s, sc) - base) / alive for s in GRID))
        self._sim: Any = None

    def ahead(self, age: float) -> tuple[float, ...]:
        i = int(age)
        return self.rows[i] if i < len(self.rows) else self.rows[-1]

    def bind(self, simulation: Any) -> None:
        self._sim = simulation

    def decide(self, snap: PacingSnapshot) -> int:
        a_mean, a_var = expected_arrivals(snap.ringing, snap.waiting, self.ahead)
        free_times = sorted(self._sim.busy_free_times())
        d_mean = [
            a_mean[j] - snap.operators_free - bisect_right(free_times, snap.now + GRID[j] + self.grace)
            for j in range(len(GRID))
        ]
        cap = int(self.cap * snap.operators_logged_in) - snap.lines_in_use
        wanted = dials_within_budget(d_mean, a_var, self.rows[0], self.theta * self.rate, max(0, cap))
        return max(0, min(max(wanted, progressive_dials(snap)), snap.lines_free))
