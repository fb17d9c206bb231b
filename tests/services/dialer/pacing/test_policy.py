"""The pacer's modes and limits (F-41): unlimited, progressive, predictive."""

from obzvon_db.enums import DialMode
from obzvon_dialer.pacing import Pacer, PacingStats

from tests.services.dialer.pacing.helpers import snapshot, warmed_stats


def test_unlimited_keeps_max_concurrent_lines_busy() -> None:
    snap = snapshot(DialMode.UNLIMITED, ringing=[1.0] * 7, talking=[30.0] * 3, max_concurrent_calls=40)
    assert Pacer().decide(snap) == 30


def test_trunk_line_limit_caps_every_mode() -> None:
    for mode in DialMode:
        snap = snapshot(mode, free=10, ringing=[1.0] * 3, max_concurrent_calls=40, trunk_line_limit=5)
        assert Pacer().decide(snap) <= 2


def test_progressive_dials_one_call_per_free_operator() -> None:
    assert Pacer().decide(snapshot(DialMode.PROGRESSIVE, free=4, ringing=[3.0], waiting=1)) == 2
    assert Pacer().decide(snapshot(DialMode.PROGRESSIVE, free=1, ringing=[3.0, 4.0])) == 0


def test_predictive_dials_ahead_of_free_operators() -> None:
    """Ten free operators and a 1-in-3 answer rate: more than ten dials, fewer than the line limit."""
    n = Pacer().decide(snapshot(free=10))
    assert 10 < n < 100


def test_predictive_counts_operators_about_to_be_free() -> None:
    """Operators deep in wrap-up make room for calls; operators who just started talking do not."""
    finishing = Pacer().decide(snapshot(wrapping=[18.0] * 10))
    starting = Pacer().decide(snapshot(talking=[1.0] * 10))
    assert finishing > starting


def test_predictive_holds_back_when_answers_are_already_waiting() -> None:
    assert Pacer().decide(snapshot(free=2, waiting=2, talking=[10.0] * 8)) == 0


def test_predictive_with_few_operators_is_progressive() -> None:
    snap = snapshot(logged_in=2, free=2)
    assert Pacer().decide(snap) == 2


def test_predictive_is_progressive_until_measured() -> None:
    """Shift start: no measurements yet, so no dialling ahead (conservative, pacing.md §7)."""
    assert Pacer().decide(snapshot(free=10, stats=PacingStats())) == 10


def test_predictive_slows_down_when_abandons_exceed_the_target() -> None:
    calm = warmed_stats()
    hot = warmed_stats()
    for k in range(200):
        calm.record_live_answer(900.0 + k, abandoned=False)
        hot.record_live_answer(900.0 + k, abandoned=k % 10 == 0)
    relaxed = Pacer().decide(snapshot(free=5, talking=[100.0] * 5, stats=calm))
    careful = Pacer().decide(snapshot(free=5, talking=[100.0] * 5, stats=hot))
    assert careful < relaxed


def test_amd_false_positives_shrink_the_budget() -> None:
    plain = warmed_stats()
    amd = warmed_stats()
    for k in range(100):
        plain.record_live_answer(float(k), abandoned=False)
        amd.record_live_answer(float(k), abandoned=False)
    for _ in range(3):
        amd.record_amd(false_positive=True)
    assert Pacer().decide(snapshot(free=5, talking=[100.0] * 5, stats=amd)) < Pacer().decide(
        snapshot(free=5, talking=[100.0] * 5, stats=plain)
    )
