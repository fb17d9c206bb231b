"""Project settings and tuning constants the pacer reads (F-26, F-41)."""

from dataclasses import dataclass

from obzvon_db.enums import DialMode


@dataclass(frozen=True, slots=True)
class PacingSettings:
    """What a project says about pace, plus the few tuning constants of the predictive model.

    ``predictive_percent`` is the manual's "процент предиктивного набора": the answer rate (in %) assumed
    before the project has measured its own; ``abandon_target`` is a fraction (0.03 = 3 %).
    """

    mode: DialMode
    max_concurrent_calls: int
    predictive_percent: float = 3.0
    abandon_target: float = 0.03
    trunk_line_limit: int | None = None
    dial_timeout_s: float = 30.0
    abandon_grace_s: float = 2.0
    # Below this many logged-in operators predictive mode dials progressively.
    min_operators_predictive: int = 3
    # Predictive mode stays progressive until this much has been measured (pacing.md §7 warm-up).
    warmup_dials: int = 150
    warmup_talks: int = 30
    # Conservative priors (pacing.md §7): long talks and wraps, i.e. operators free up late.
    prior_talk_mean_s: float = 180.0
    prior_wrap_mean_s: float = 30.0
    max_lines_per_operator: float = 8.0
    # The controller aims at (target - AMD false positives) x (1 - margin / sqrt(operators)).
    setpoint_margin: float = 0.45

    def line_limit(self) -> int:
        """Lines the project may hold at once: max concurrent calls, and the trunk's own limit."""
        limit = self.max_concurrent_calls
        if self.trunk_line_limit is not None:
            limit = min(limit, self.trunk_line_limit)
        return max(0, limit)
