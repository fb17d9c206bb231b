"""Outcome rules: the documented last digits and the seeded model (F-41 pacing needs realistic mixes)."""

from __future__ import annotations

import random
from collections import Counter
from statistics import median

import pytest
from obzvon_pbx_sim.config import ModelParams
from obzvon_pbx_sim.outcomes.last_digit import LastDigitRules
from obzvon_pbx_sim.outcomes.model import ModelRules
from obzvon_pbx_sim.outcomes.types import OutcomeKind


@pytest.mark.parametrize(
    ("number", "kind", "talk"),
    [
        ("79160000000", OutcomeKind.ANSWER, 20.0),
        ("79160000001", OutcomeKind.BUSY, None),
        ("79160000002", OutcomeKind.NO_ANSWER, None),
        ("79160000003", OutcomeKind.REJECT, None),
        ("79160000004", OutcomeKind.CONGESTION, None),
        ("79160000005", OutcomeKind.MACHINE, 10.0),
        ("79160000006", OutcomeKind.FAILURE, None),
        ("+7 (916) 000-00-07", OutcomeKind.ANSWER, 3.0),
    ],
)
def test_last_digit_outcomes(number: str, kind: OutcomeKind, talk: float | None) -> None:
    outcome = LastDigitRules(ModelRules(ModelParams(), random.Random(1))).decide(number)
    assert outcome.kind is kind and outcome.talk_seconds == talk
    if kind in (OutcomeKind.ANSWER, OutcomeKind.MACHINE):
        assert outcome.ring_seconds == 2.0


def test_eight_and_nine_follow_the_model() -> None:
    params = ModelParams(p_answer=0, p_busy=1, p_no_answer=0, p_reject=0, p_congestion=0, p_machine=0)
    rules = LastDigitRules(ModelRules(params, random.Random(1)))
    assert rules.decide("79160000008").kind is OutcomeKind.BUSY
    assert rules.decide("79160000009").kind is OutcomeKind.BUSY


def test_model_is_reproducible_with_a_seed() -> None:
    rules_a, rules_b = (
        ModelRules(ModelParams(), random.Random(5)),
        ModelRules(ModelParams(), random.Random(5)),
    )
    assert [rules_a.decide("n") for _ in range(50)] == [rules_b.decide("n") for _ in range(50)]


def test_model_shares_and_lognormal_medians() -> None:
    params = ModelParams(ring_median=8.0, talk_median=60.0)
    rules = ModelRules(params, random.Random(11))
    outcomes = [rules.decide("n") for _ in range(4000)]
    shares = Counter(outcome.kind for outcome in outcomes)
    for name, probability in params.weights():
        if probability:
            assert abs(shares[OutcomeKind(name)] / 4000 - probability) < 0.03
    answered = [o for o in outcomes if o.kind is OutcomeKind.ANSWER]
    assert 6.5 < median(o.ring_seconds for o in answered) < 9.5
    assert 50 < median(o.talk_seconds or 0 for o in answered) < 70


def test_model_needs_a_positive_probability() -> None:
    zero = ModelParams(p_answer=0, p_busy=0, p_no_answer=0, p_reject=0, p_congestion=0, p_machine=0)
    with pytest.raises(ValueError):
        ModelRules(zero, random.Random(1))
