"""Call-centre scenarios for the pacing simulator (pacing.md §0 and §6 defaults)."""

import dataclasses
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Scenario:
    """One shift of one project: operators, the list's answer mix and every duration distribution.

    Durations are lognormal with the given mean and coefficient of variation (CV). ``p_live`` is the
    share of dials a person answers, ``p_machine`` an answering machine, ``p_fast_fail`` busy/invalid
    (ends after U(2, 8) s); the rest ring until ``dial_timeout_s``.
    """

    name: str
    agents: int
    p_live: float
    p_machine: float = 0.15
    p_fast_fail: float = 0.15
    hours: float = 8.0
    talk_mean_s: float = 120.0
    talk_cv: float = 1.0
    talk_min_s: float = 5.0
    wrap_mean_s: float = 15.0
    wrap_cv: float = 0.5
    ring_mean_s: float = 12.0
    ring_cv: float = 0.6
    dial_timeout_s: float = 30.0
    abandon_grace_s: float = 2.0
    machine_talk_s: float = 8.0  # operator time lost on an answering machine AMD did not catch
    machine_wrap_s: float = 2.0
    amd: bool = False
    amd_delay_s: float = 2.5
    amd_sensitivity: float = 0.90
    amd_false_positive: float = 0.03
    abandon_target: float = 0.03
    predictive_percent: float = 3.0
    max_concurrent_calls: int | None = None  # default: 10 lines per operator

    @property
    def line_limit(self) -> int:
        return self.max_concurrent_calls or 10 * self.agents

    def replace(self, **changes: object) -> "Scenario":
        return dataclasses.replace(self, **changes)  # type: ignore[arg-type]


SCENARIOS: dict[str, Scenario] = {
    "small": Scenario("small", agents=5, p_live=0.20),
    "big": Scenario("big", agents=50, p_live=0.30),
    "poor": Scenario("poor", agents=20, p_live=0.05, p_machine=0.10, p_fast_fail=0.30),
}
