"""Reference policies the pacer is compared with (pacing.md §1 and §6).

* :class:`FixedRatio` — a constant number of lines per logged-in operator, counting every call in
  progress (ringing, waiting and connected), like a "RATIO" dial method.
* :class:`AdaptiveHardLimit` — our own re-implementation of the behaviour pacing.md §1 describes for
  VICIdial's ``ADAPT_HARD_LIMIT`` with default settings: a multiplicative integral controller on
  (ready operators − waiting calls) averaged over 15 one-second samples, updated every 15 s and capped
  at 3 lines per operator, halved on a one-minute drop burst, pinned to 1.0 once the day's drop rate
  exceeds 3 %, never below 1.0.
"""

from collections import deque

from obzvon_dialer.pacing.snapshot import PacingSnapshot


def _ratio_dials(level: float, snap: PacingSnapshot) -> int:
    goal = round(level * snap.operators_logged_in)
    return max(0, min(goal - snap.lines_in_use, snap.lines_free))


class FixedRatio:
    def __init__(self, level: float) -> None:
        self.level = level

    def decide(self, snap: PacingSnapshot) -> int:
        return _ratio_dials(self.level, snap)


class AdaptiveHardLimit:
    SAMPLE_EVERY_S = 1.0
    ADAPT_EVERY_S = 15.0
    DROPS_EVERY_S = 60.0

    def __init__(self, max_level: float = 3.0, drop_limit: float = 0.03, intensity: float = 0.0) -> None:
        self.level = 1.0
        self.max_level = max_level
        self.drop_limit = drop_limit
        self.intensity = intensity
        self.samples: deque[tuple[int, int, int]] = deque(maxlen=15)
        self.next_sample = 0.0
        self.next_adapt = self.ADAPT_EVERY_S
        self.next_drops = 0.0
        self.day = (0, 0)  # answers, drops as of the last drop calculation
        self.minute = (0, 0)
        self._previous = (0, 0)

    def decide(self, snap: PacingSnapshot) -> int:
        now = snap.now
        if now >= self.next_sample:
            ready = snap.operators_free + len(snap.wrapping)  # READY and DONE (wrap-up) operators
            self.samples.append((ready, snap.waiting, snap.operators_logged_in))
            self.next_sample = now + self.SAMPLE_EVERY_S
        if now >= self.next_drops:
            counts = snap.stats.day()
            current = (counts.answers, counts.abandoned)
            self.minute = (current[0] - self._previous[0], current[1] - self._previous[1])
            self.day = current
            self._previous = current
            self.next_drops = now + self.DROPS_EVERY_S
        if now >= self.next_adapt:
            self._adapt()
            self.next_adapt = now + self.ADAPT_EVERY_S
        return _ratio_dials(self.level, snap)

    def _adapt(self) -> None:
        if not self.samples:
            return
        n = len(self.samples)
        differential = sum(s[0] for s in self.samples) / n - sum(s[1] for s in self.samples) / n
        agents_avg = sum(s[2] for s in self.samples) / n
        if agents_avg <= 0:
            return
        pct = 100.0 * differential / agents_avg
        pct *= (1.0 + self.intensity / 100.0) if pct > 0 else abs(self.intensity / 100.0 - 1.0)
        level = min(self.level * (1.0 + pct / 100.0), self.max_level)
        calls_min, drops_min = self.minute
        if calls_min > 20 and drops_min / calls_min > 0.5:
            level /= 2.0
        answers, drops = self.day
        if answers > 50 and drops / answers > self.drop_limit:
            level = 1.0
        self.level = max(level, 1.0)
