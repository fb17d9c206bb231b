"""Smoke run of the pacing simulator (F-82): one seed, two hours, the real pacer inside."""

from functools import cache

import pytest
from obzvon_dialer.pacing.simulation.results import RunResult
from obzvon_dialer.pacing.simulation.runner import run_shift
from obzvon_dialer.pacing.simulation.scenario import SCENARIOS

SMALL = SCENARIOS["small"].replace(hours=2.0)


@cache
def shift(mode: str, seed: int = 1) -> RunResult:
    knob = 0.03 if mode == "oracle" else 1.5 if mode == "fixed_ratio" else None
    return run_shift(SMALL, mode, seed, knob)


@pytest.mark.parametrize("mode", ["progressive", "fixed_ratio", "vicidial_adaptive", "predictive", "oracle"])
def test_invariants(mode: str) -> None:
    r = shift(mode)
    assert r.max_lines <= SMALL.line_limit
    assert 0.0 <= r.occupancy <= 1.0
    assert r.talk_s + r.wrap_s + r.machine_s <= r.logged_in_s
    # every live answer was connected or abandoned, except those still waiting at the end
    assert r.connects + r.abandoned <= r.live_answers <= r.connects + r.abandoned + SMALL.agents
    assert sum(r.hourly_answers) == r.connects + r.abandoned
    assert r.dials > r.live_answers > 0


def test_progressive_never_abandons() -> None:
    assert shift("progressive").abandoned == 0
    assert shift("progressive").max_lines <= SMALL.agents


def test_predictive_beats_progressive_at_a_reasonable_abandon_rate() -> None:
    ours, base = shift("predictive"), shift("progressive")
    assert ours.occupancy > base.occupancy
    assert ours.abandon_rate <= 0.05


def test_same_seed_same_result() -> None:
    again = run_shift(SMALL, "predictive", 1)
    assert again.as_dict() == shift("predictive").as_dict()


def test_amd_false_positives_count_as_abandons() -> None:
    r = run_shift(SMALL.replace(amd=True), "progressive", 1)
    assert r.amd_false_positives > 0
    assert r.abandoned == r.amd_false_positives  # progressive itself abandons nobody
