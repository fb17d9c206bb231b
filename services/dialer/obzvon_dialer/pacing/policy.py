"""The pacer: how many calls a project should originate right now (F-41).

Modes (admin manual §5.2.5):

* ``unlimited`` keeps ``max concurrent calls`` lines busy.
* ``progressive`` keeps one ringing or waiting call per free operator, so no answer ever waits (no abandons).
* ``predictive`` dials ahead of operators who are free *or about to be*, so that answers land when an
  operator frees up. The model (pacing.md §5 "state-aware predictive", §7 "look-ahead"):

  - ``A(s)``: calls that will need an operator within ``s`` seconds — answered calls waiting now, each
    ringing call weighted by the empirical probability that a call still ringing at its age is answered
    within ``s`` (:mod:`ring_model`), plus the new dials;
  - ``F(s + grace)``: operators free by then — free now, in wrap-up or talking, each weighted by its
    residual-time probability from Kaplan–Meier survival curves with in-progress calls censored and
    long-duration priors (:mod:`operator_model`, :mod:`survival`);
  - expected abandons ``max_s E[(A(s) − F(s + grace))⁺]`` (normal approximation, :mod:`overflow`);
  - dial the largest ``n`` for which every added dial raises expected abandons by at most
    ``θ · answer rate``: θ is the acceptable abandon probability of one more answer, regulated on the
    day's and a rolling window's abandon counts around a set-point below the target minus the AMD
    false-positive rate (:mod:`controller`, pacing.md §3 and §7).

  Predictive mode falls back to progressive with fewer operators than ``min_operators_predictive``,
  and until enough dials and talks are measured (warm-up); it never dials fewer calls than progressive
  would. Every mode stays within the project's max concurrent calls and the trunk's line limit.

The class does no I/O: the dialer service and the simulator (:mod:`obzvon_dialer.pacing.simulation`)
drive the same code with :class:`PacingSnapshot` values.
"""

import math

from obzvon_db.enums import DialMode

from obzvon_dialer.pacing.controller import marginal_threshold
from obzvon_dialer.pacing.operator_model import OperatorModel
from obzvon_dialer.pacing.overflow import dials_within_budget
from obzvon_dialer.pacing.ring_model import RingModel, expected_arrivals
from obzvon_dialer.pacing.snapshot import PacingSnapshot
from obzvon_dialer.pacing.survival import kaplan_meier

REFIT_EVERY_S = 60.0


class Pacer:
    """Decides the number of calls to start now; keeps only caches of fitted curves between calls."""

    def __init__(self) -> None:
        self._fit_at = -math.inf
        self._fit_version = -1
        self._ring: RingModel | None = None
        self._operators: OperatorModel | None = None

    def decide(self, snap: PacingSnapshot) -> int:
        """Number of calls to originate now (never negative, never above the free lines)."""
        mode = snap.settings.mode
        if mode == DialMode.UNLIMITED:
            wanted = snap.lines_free
        elif mode == DialMode.PROGRESSIVE or not self._predictive_ready(snap):
            wanted = progressive_dials(snap)
        else:
            wanted = max(self._predictive(snap), progressive_dials(snap))
        return max(0, min(wanted, snap.lines_free))

    def _predictive_ready(self, snap: PacingSnapshot) -> bool:
        s = snap.settings
        return (
            snap.operators_logged_in >= s.min_operators_predictive
            and snap.stats.dials >= s.warmup_dials
            and snap.stats.talks >= s.warmup_talks
        )

    def _predictive(self, snap: PacingSnapshot) -> int:
        ring, operators = self._models(snap)
        a_mean, a_var = expected_arrivals(snap.ringing, snap.waiting, ring.ahead)
        f_mean, f_var = operators.free_by(snap.operators_free, snap.talking, snap.wrapping)
        d_mean = [a - f for a, f in zip(a_mean, f_mean, strict=True)]
        d_var = [a + f for a, f in zip(a_var, f_var, strict=True)]
        cap = int(snap.settings.max_lines_per_operator * snap.operators_logged_in) - snap.lines_in_use
        theta = marginal_threshold(snap.settings, snap.stats, snap.now, snap.operators_logged_in)
        return dials_within_budget(d_mean, d_var, ring.ahead(0.0), theta * ring.rate, max(0, cap))

    def _models(self, snap: PacingSnapshot) -> tuple[RingModel, OperatorModel]:
        stale = snap.now - self._fit_at >= REFIT_EVERY_S and snap.stats.version != self._fit_version
        if self._ring is None or self._operators is None or stale:
            s = snap.settings
            stats = snap.stats
            self._ring = RingModel(stats, s.predictive_percent / 100.0, s.dial_timeout_s)
            talk = kaplan_meier(stats.talk_ended, snap.talking, s.prior_talk_mean_s)
            wrap = kaplan_meier(stats.wrap_ended, snap.wrapping, s.prior_wrap_mean_s)
            wrap_long = kaplan_meier(stats.wrap_after_long, snap.wrapping, s.prior_wrap_mean_s)
            self._operators = OperatorModel(talk, wrap, wrap_long, s.abandon_grace_s)
            self._fit_at = snap.now
            self._fit_version = stats.version
        return self._ring, self._operators


def progressive_dials(snap: PacingSnapshot) -> int:
    """One ringing or waiting call per free operator."""
    return max(0, snap.operators_free - len(snap.ringing) - snap.waiting)
