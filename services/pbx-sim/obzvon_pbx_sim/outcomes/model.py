"""The seeded probabilistic model: outcome shares and lognormal ring and talk times."""

from __future__ import annotations

import math
import random

from obzvon_pbx_sim.config import ModelParams
from obzvon_pbx_sim.outcomes.types import Outcome, OutcomeKind

MIN_RING = 0.5


class ModelRules:
    def __init__(self, params: ModelParams, rng: random.Random) -> None:
        self.params = params
        self.rng = rng
        weights = [(OutcomeKind(name), max(0.0, weight)) for name, weight in params.weights()]
        total = sum(weight for _, weight in weights)
        if total <= 0:
            raise ValueError("at least one outcome probability must be positive")
        self._kinds = [kind for kind, _ in weights]
        self._weights = [weight / total for _, weight in weights]

    def _lognormal(self, median: float, sigma: float) -> float:
        return self.rng.lognormvariate(math.log(max(median, 0.01)), max(sigma, 0.0))

    def decide(self, number: str) -> Outcome:
        kind = self.rng.choices(self._kinds, self._weights)[0]
        ring = max(MIN_RING, self._lognormal(self.params.ring_median, self.params.ring_sigma))
        if kind is OutcomeKind.ANSWER:
            talk = max(1.0, self._lognormal(self.params.talk_median, self.params.talk_sigma))
            return Outcome(kind, ring, talk)
        if kind is OutcomeKind.MACHINE:
            return Outcome(kind, ring, self.params.machine_greeting)
        if kind in (OutcomeKind.BUSY, OutcomeKind.CONGESTION):
            return Outcome(kind, min(ring, 1.0))
        return Outcome(kind, ring)
