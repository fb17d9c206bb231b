"""What happens when lead ``k`` is dialled: drawn from its own seeded generator.

Every policy facing the same seed dials the same list in the same order and meets the same outcomes
(common random numbers, pacing.md §6), so differences between policies are not luck.
"""

import math
import random
from dataclasses import dataclass
from enum import IntEnum

from obzvon_dialer.pacing.simulation.scenario import Scenario


class Outcome(IntEnum):
    LIVE = 0
    MACHINE = 1
    FAST_FAIL = 2
    NO_ANSWER = 3


@dataclass(frozen=True, slots=True)
class Lead:
    outcome: Outcome
    ring_s: float  # seconds from originate to answer or to the end of a failed attempt
    talk_s: float
    wrap_s: float
    amd_draw: float  # uniform draw deciding AMD's verdict when AMD is on


def lognormal(rng: random.Random, mean: float, cv: float) -> float:
    sigma2 = math.log(1.0 + cv * cv)
    return rng.lognormvariate(math.log(mean) - sigma2 / 2.0, math.sqrt(sigma2))


def draw_lead(scenario: Scenario, seed: int, k: int) -> Lead:
    rng = random.Random(seed * 1_000_003 + k)
    u = rng.random()
    ring = lognormal(rng, scenario.ring_mean_s, scenario.ring_cv)
    for _ in range(20):
        if ring <= scenario.dial_timeout_s:
            break
        ring = lognormal(rng, scenario.ring_mean_s, scenario.ring_cv)
    ring = min(ring, scenario.dial_timeout_s)
    talk = max(scenario.talk_min_s, lognormal(rng, scenario.talk_mean_s, scenario.talk_cv))
    wrap = lognormal(rng, scenario.wrap_mean_s, scenario.wrap_cv)
    amd_draw = rng.random()
    if u < scenario.p_live:
        return Lead(Outcome.LIVE, ring, talk, wrap, amd_draw)
    if u < scenario.p_live + scenario.p_machine:
        return Lead(Outcome.MACHINE, ring, scenario.machine_talk_s, scenario.machine_wrap_s, amd_draw)
    if u < scenario.p_live + scenario.p_machine + scenario.p_fast_fail:
        return Lead(Outcome.FAST_FAIL, rng.uniform(2.0, 8.0), 0.0, 0.0, amd_draw)
    return Lead(Outcome.NO_ANSWER, scenario.dial_timeout_s, 0.0, 0.0, amd_draw)
