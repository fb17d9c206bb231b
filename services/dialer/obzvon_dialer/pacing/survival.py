"""Survival curves from one-second histograms: Kaplan–Meier with censoring and a conservative prior.

pacing.md §7: early in a shift the finished talks are the short ones (survivorship bias); counting the
conversations still in progress as censored observations removes the bias, and shrinking each
one-second hazard towards a long-duration exponential prior keeps thin tails from looking short.
"""

import math
from collections.abc import Iterable, Sequence


class Survival:
    """``S(x) = P(duration >= x)`` on whole seconds, with a geometric tail past the table.

    ``table`` is padded with ``PAD`` tail values so that lookups a little past the data need no branch.
    """

    __slots__ = ("_tail_hazard", "table")
    PAD = 64

    def __init__(self, table: list[float], tail_hazard: float) -> None:
        last = table[-1]
        self.table = table + [last * (1.0 - tail_hazard) ** (i + 1) for i in range(self.PAD)]
        self._tail_hazard = tail_hazard

    def at(self, x: float) -> float:
        if x <= 0:
            return 1.0
        i = int(x)
        last = len(self.table) - 1
        if i <= last:
            return self.table[i]
        return self.table[last] * (1.0 - self._tail_hazard) ** (i - last)

    def mean(self) -> float:
        """Mean duration in seconds (sum of the survival function)."""
        body = sum(self.table[1:])
        tail = self.table[-1] * (1.0 - self._tail_hazard) / self._tail_hazard
        return body + tail


def kaplan_meier(
    ended: Sequence[int], in_progress: Iterable[float], prior_mean_s: float, prior_weight: float = 3.0
) -> Survival:
    """Survival of durations from ``ended`` (count per whole second) and censored ``in_progress`` ages.

    Each hazard is ``(deaths + w·h0) / (at_risk + w)`` where ``h0`` is the hazard of an exponential
    with mean ``prior_mean_s``: with few observations the curve follows the prior.
    """
    size = len(ended)
    censored = [0] * (size + 1)
    for age in in_progress:
        censored[min(max(int(age), 0), size)] += 1
    h0 = 1.0 - math.exp(-1.0 / prior_mean_s)
    at_risk = [0] * size
    running = 0
    for b in range(size - 1, -1, -1):
        running += ended[b] + censored[b + 1]
        at_risk[b] = running
    table = [1.0] * (size + 1)
    s = 1.0
    w = prior_weight
    for b in range(size):
        risk = at_risk[b] + w
        s *= 1.0 - ((ended[b] + w * h0) / risk if risk > 0 else h0)
        table[b + 1] = s
    return Survival(table, h0)
