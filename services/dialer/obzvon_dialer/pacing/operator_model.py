"""When busy operators will be free: talk and wrap-up survival, conditioned on time already spent.

An operator ``e`` seconds into a conversation is free ``t`` seconds from now when the rest of the
conversation plus a wrap-up fits in ``t``: ``1 - S_talk(e + t - w) / S_talk(e)`` averaged over a few
wrap-up quantiles ``w``. An operator ``e`` seconds into wrap-up is free with
``1 - S_wrap(e + t) / S_wrap(e)``.
"""

from collections.abc import Sequence

from obzvon_dialer.pacing.ring_model import GRID
from obzvon_dialer.pacing.stats import LONG_TALK_S as SHORT_TALK_S
from obzvon_dialer.pacing.survival import Survival

WRAP_QUANTILES = (0.2, 0.5, 0.8)


def quantile(curve: Survival, share: float, limit: int = 3600) -> float:
    """Smallest whole second ``x`` with ``P(duration < x) >= share``."""
    for x in range(1, limit):
        if 1.0 - curve.at(x) >= share:
            return float(x)
    return float(limit)


class OperatorModel:
    """Expected number of operators free by each GRID horizon (plus the grace time), with its variance."""

    def __init__(self, talk: Survival, wrap: Survival, wrap_after_long: Survival, grace_s: float) -> None:
        self.talk = talk
        self.wrap = wrap
        self.horizons = tuple(s + grace_s for s in GRID)
        # Short conversations are often answering machines with a short wrap-up; once a conversation
        # is past SHORT_TALK_S its wrap-up follows the distribution measured after long conversations.
        self._plan_short = self._plan(tuple(quantile(wrap, q) for q in WRAP_QUANTILES))
        self._plan_long = self._plan(tuple(quantile(wrap_after_long, q) for q in WRAP_QUANTILES))
        self._wrap_offsets = [int(t) for t in self.horizons]
        assert max(self._wrap_offsets) < Survival.PAD

    def _plan(self, wraps: tuple[float, ...]) -> list[tuple[int, float, list[float]]]:
        """Per horizon reachable after a wrap-up: (index, share of wrap quantiles that fit, table of
        the mean over those quantiles of ``S_talk(x + t - w)``), so an operator costs one lookup."""
        table = self.talk.table
        size = len(table) - Survival.PAD
        k = float(len(wraps))
        plan: list[tuple[int, float, list[float]]] = []
        for j, t in enumerate(self.horizons):
            offs = [int(t - w) for w in wraps if t > w]
            if offs:
                columns = [table[off : off + size] for off in offs]
                shifted = [sum(values) / k for values in zip(*columns, strict=True)]
                plan.append((j, len(offs) / k, shifted))
        return plan

    def free_by(
        self, free_now: int, talking: Sequence[float], wrapping: Sequence[float]
    ) -> tuple[list[float], list[float]]:
        """Mean and variance, per horizon, of operators free by then (those free now included)."""
        n = len(self.horizons)
        mean = [float(free_now)] * n
        var = [0.0] * n
        pad = Survival.PAD
        wrap_table = self.wrap.table
        wrap_limit = len(wrap_table) - 1 - pad
        wrap_offsets = self._wrap_offsets
        for age in wrapping:
            a = int(age)
            if a > wrap_limit:
                a = wrap_limit
            s0 = wrap_table[a]
            if s0 <= 1e-12:
                for j in range(n):
                    mean[j] += 1.0
                continue
            for j in range(n):
                p = 1.0 - wrap_table[a + wrap_offsets[j]] / s0
                mean[j] += p
                var[j] += p * (1.0 - p)
        talk_table = self.talk.table
        talk_limit = len(talk_table) - 1 - pad
        short: list[tuple[int, float]] = []
        long: list[tuple[int, float]] = []
        for age in talking:
            a = int(age)
            if a > talk_limit:
                a = talk_limit
            s0 = talk_table[a]
            if s0 > 1e-12:
                (short if age < SHORT_TALK_S else long).append((a, 1.0 / s0))
        for agents, plan in ((short, self._plan_short), (long, self._plan_long)):
            if agents:
                for j, share, shifted in plan:
                    ps = [share - shifted[a] * inv for a, inv in agents]
                    mean[j] += sum(ps)
                    var[j] += sum([p - p * p for p in ps])
        return mean, var
