"""Outcome by the last digit of the number, for tests and demos (see the package README)."""

from __future__ import annotations

from obzvon_pbx_sim.outcomes.types import Outcome, OutcomeKind, OutcomeRules

FIXED: dict[str, Outcome] = {
    "0": Outcome(OutcomeKind.ANSWER, ring_seconds=2.0, talk_seconds=20.0),
    "1": Outcome(OutcomeKind.BUSY, ring_seconds=0.5),
    "2": Outcome(OutcomeKind.NO_ANSWER, ring_seconds=0.0),
    "3": Outcome(OutcomeKind.REJECT, ring_seconds=1.0),
    "4": Outcome(OutcomeKind.CONGESTION, ring_seconds=0.3),
    "5": Outcome(OutcomeKind.MACHINE, ring_seconds=2.0, talk_seconds=10.0),
    "6": Outcome(OutcomeKind.FAILURE),
    "7": Outcome(OutcomeKind.ANSWER, ring_seconds=2.0, talk_seconds=3.0),
}


class LastDigitRules:
    """0 answer (talk 20 s) · 1 busy · 2 no answer · 3 reject · 4 congestion · 5 machine ·
    6 no channel · 7 answer (talk 3 s) · 8, 9 and anything else → the model."""

    def __init__(self, model: OutcomeRules) -> None:
        self.model = model

    def decide(self, number: str) -> Outcome:
        digits = [char for char in number if char.isdigit()]
        if digits and digits[-1] in FIXED:
            return FIXED[digits[-1]]
        return self.model.decide(number)
