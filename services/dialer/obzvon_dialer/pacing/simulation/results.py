"""What one simulated shift measured, and the pooled figures over seeds."""

import math
from collections.abc import Sequence
from dataclasses import dataclass, field


@dataclass(slots=True)
class RunResult:
    """Counters of one shift; rates are derived properties."""

    agents: int
    hours: float
    talk_s: float = 0.0  # conversations with people only
    wrap_s: float = 0.0
    machine_s: float = 0.0  # operator time lost on answering machines
    dials: int = 0
    live_answers: int = 0
    abandoned: int = 0
    amd_false_positives: int = 0  # people AMD hung up on (counted as abandoned)
    connects: int = 0  # people connected to an operator
    max_lines: int = 0
    idle_gaps: list[float] = field(default_factory=list)
    hourly_answers: list[int] = field(default_factory=list)
    hourly_abandoned: list[int] = field(default_factory=list)

    @property
    def logged_in_s(self) -> float:
        return self.agents * self.hours * 3600.0

    @property
    def occupancy(self) -> float:
        return self.talk_s / self.logged_in_s

    @property
    def abandon_rate(self) -> float:
        return self.abandoned / self.live_answers if self.live_answers else 0.0

    @property
    def worst_hour_abandon(self) -> float:
        rates = [a / n for a, n in zip(self.hourly_abandoned, self.hourly_answers, strict=True) if n >= 20]
        return max(rates, default=0.0)

    def as_dict(self) -> dict[str, float | int]:
        op_hours = self.agents * self.hours
        return {
            "occupancy": round(self.occupancy, 4),
            "utilisation": round((self.talk_s + self.wrap_s) / self.logged_in_s, 4),
            "abandon_rate": round(self.abandon_rate, 5),
            "worst_hour_abandon": round(self.worst_hour_abandon, 4),
            "talk_min_per_operator_hour": round(self.talk_s / 60.0 / op_hours, 2),
            "calls_per_operator_hour": round(self.connects / op_hours, 2),
            "dials_per_operator_hour": round(self.dials / op_hours, 2),
            "idle_gap_mean_s": round(mean(self.idle_gaps), 2),
            "idle_gap_p95_s": round(percentile(self.idle_gaps, 0.95), 2),
            "max_lines": self.max_lines,
            "live_answers": self.live_answers,
            "abandoned": self.abandoned,
        }


def mean(values: Sequence[float]) -> float:
    return sum(values) / len(values) if values else 0.0


def percentile(values: Sequence[float], share: float) -> float:
    if not values:
        return 0.0
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, math.ceil(share * len(ordered)) - 1))]


def pooled(runs: Sequence[RunResult], target: float) -> dict[str, float | int]:
    """Figures over seeds: occupancy and rates as ratios of sums, worst seed and compliance share."""
    answers = sum(r.live_answers for r in runs)
    abandoned = sum(r.abandoned for r in runs)
    logged = sum(r.logged_in_s for r in runs)
    op_hours = logged / 3600.0
    gaps = [g for r in runs for g in r.idle_gaps]
    return {
        "seeds": len(runs),
        "occupancy": round(sum(r.talk_s for r in runs) / logged, 4),
        "utilisation": round(sum(r.talk_s + r.wrap_s for r in runs) / logged, 4),
        "abandon_rate": round(abandoned / answers if answers else 0.0, 5),
        "abandon_worst_seed": round(max(r.abandon_rate for r in runs), 5),
        "seeds_within_target": round(sum(r.abandon_rate <= target for r in runs) / len(runs), 3),
        "worst_hour_abandon": round(max(r.worst_hour_abandon for r in runs), 4),
        "talk_min_per_operator_hour": round(sum(r.talk_s for r in runs) / 60.0 / op_hours, 2),
        "calls_per_operator_hour": round(sum(r.connects for r in runs) / op_hours, 2),
        "dials_per_operator_hour": round(sum(r.dials for r in runs) / op_hours, 2),
        "idle_gap_mean_s": round(mean(gaps), 2),
        "idle_gap_p95_s": round(percentile(gaps, 0.95), 2),
        "max_lines": max(r.max_lines for r in runs),
        "max_lines_per_operator": round(max(r.max_lines / r.agents for r in runs), 2),
    }
