"""Measurements behind predictive pacing (pacing.md §7): survival with censoring, answer-time model."""

import pytest
from obzvon_dialer.pacing import PacingStats
from obzvon_dialer.pacing.overflow import dials_within_budget, landing_risk, prob_nonnegative
from obzvon_dialer.pacing.ring_model import GRID, RingModel
from obzvon_dialer.pacing.stats import TALK_BINS
from obzvon_dialer.pacing.survival import kaplan_meier


def test_kaplan_meier_counts_calls_in_progress() -> None:
    """Only short talks have ended yet; long ones in progress keep the curve from looking short."""
    ended = [0] * TALK_BINS
    ended[30] = 10
    naive = kaplan_meier(ended, [], prior_mean_s=120.0, prior_weight=0.0)
    censored = kaplan_meier(ended, [200.0] * 10, prior_mean_s=120.0, prior_weight=0.0)
    assert naive.at(31) == pytest.approx(0.0)
    assert censored.at(31) == pytest.approx(0.5)


def test_prior_rules_while_nothing_is_measured() -> None:
    curve = kaplan_meier([0] * TALK_BINS, [], prior_mean_s=180.0)
    assert curve.mean() == pytest.approx(180.0, rel=0.02)


def test_ring_model_uses_the_prior_rate_then_the_data() -> None:
    empty = RingModel(PacingStats(), prior_rate=0.3, timeout_s=30.0)
    assert empty.rate >= 0.3  # conservative: a young estimate over-states answers
    stats = PacingStats()
    for k in range(2000):
        stats.record_dial(10.0 if k % 10 == 0 else 30.0, needs_operator=k % 10 == 0)
    learned = RingModel(stats, prior_rate=0.3, timeout_s=30.0)
    assert learned.rate == pytest.approx(0.1, abs=0.02)
    assert max(learned.ahead(20.0)) < 0.001  # nobody answers after 10 s here (only the prior's trace)
    assert learned.ahead(0.0)[-1] == pytest.approx(learned.rate, abs=0.01)


def test_stats_rolling_window_forgets_old_abandons() -> None:
    stats = PacingStats(rolling_window_s=60.0)
    stats.record_live_answer(0.0, abandoned=True)
    stats.record_live_answer(100.0, abandoned=False)
    assert stats.day().abandoned == 1
    assert stats.rolling(100.0).abandoned == 0 and stats.rolling(100.0).answers == 1


def test_risk_grows_with_each_dial_and_budget_stops_it() -> None:
    d_mean = [-1.0] * len(GRID)  # one operator free, nobody else
    d_var = [0.0] * len(GRID)
    r_new = [min(0.5, s / 20.0) for s in GRID]
    risks = [landing_risk(d_mean, d_var, n, r_new) for n in range(4)]
    assert risks == sorted(risks) and risks[0] == 0.0
    assert dials_within_budget(d_mean, d_var, r_new, max_risk=risks[1], max_dials=10) == 2
    assert prob_nonnegative(-3.0, 0.0) == 0.0 and prob_nonnegative(0.0, 0.0) == 1.0
