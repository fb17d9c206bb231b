"""Measurements a project's pacer learns from: dial outcomes, talk and wrap times, abandons (F-41).

The dialer feeds one :class:`PacingStats` per project and day with what it observes; the pacer only
reads it. Durations are kept as one-second histograms so the pacer can build empirical distributions
(pacing.md §7: Kaplan–Meier for talk times, empirical ring-time hazard) without storing every call.
"""

from collections import deque
from dataclasses import dataclass

RING_BINS = 121  # ring/dial durations, one-second bins (0..120 s, longer ones in the last bin)
TALK_BINS = 1801  # talk durations up to 30 min
WRAP_BINS = 601  # wrap-up durations up to 10 min
LONG_TALK_S = 15.0


def _bin(seconds: float, size: int) -> int:
    return min(max(int(seconds), 0), size - 1)


@dataclass(frozen=True, slots=True)
class AbandonCounts:
    """Live answers and how many of them were abandoned (no operator within the grace time)."""

    answers: int
    abandoned: int

    @property
    def rate(self) -> float:
        return self.abandoned / self.answers if self.answers else 0.0


class PacingStats:
    """Running measurements of one project over one day (and a rolling window for abandons)."""

    def __init__(self, rolling_window_s: float = 1800.0) -> None:
        self.rolling_window_s = rolling_window_s
        self.dials = 0  # finished dial attempts (answered, failed or timed out)
        self.answered = 0  # answered calls that needed an operator (live, or a machine AMD missed)
        self.ring_answered = [0] * RING_BINS  # by seconds from originate to answer
        self.ring_ended = [0] * RING_BINS  # every finished dial, by seconds from originate to its end
        self.talks = 0
        self.talk_ended = [0] * TALK_BINS
        self.talk_total_s = 0.0
        self.wraps = 0
        self.wrap_ended = [0] * WRAP_BINS
        self.wrap_total_s = 0.0
        self.wrap_after_long = [0] * WRAP_BINS  # wrap-ups that followed a conversation >= LONG_TALK_S
        self.live_answers = 0
        self.abandoned = 0
        self.amd_machines = 0
        self.amd_false_positives = 0
        self.version = 0  # bumped on every duration sample; caches key on it
        self._recent: deque[tuple[float, bool]] = deque()
        self._recent_abandoned = 0

    # --- recording --------------------------------------------------------------------------------
    def record_dial(self, seconds: float, needs_operator: bool) -> None:
        """A dial attempt ended after ``seconds``: answered by a party that needs an operator, or not."""
        b = _bin(seconds, RING_BINS)
        self.dials += 1
        self.ring_ended[b] += 1
        if needs_operator:
            self.answered += 1
            self.ring_answered[b] += 1
        self.version += 1

    def record_talk(self, seconds: float) -> None:
        """A conversation with an operator ended after ``seconds``."""
        self.talks += 1
        self.talk_total_s += seconds
        self.talk_ended[_bin(seconds, TALK_BINS)] += 1
        self.version += 1

    def record_wrap(self, seconds: float, after_talk_s: float | None = None) -> None:
        """An operator's wrap-up (card filling) ended after ``seconds``, following a conversation of
        ``after_talk_s`` (when known: short conversations, often machines, have short wrap-ups)."""
        if after_talk_s is None or after_talk_s >= LONG_TALK_S:
            self.wrap_after_long[_bin(seconds, WRAP_BINS)] += 1
        self.wraps += 1
        self.wrap_total_s += seconds
        self.wrap_ended[_bin(seconds, WRAP_BINS)] += 1
        self.version += 1

    def record_live_answer(self, now: float, abandoned: bool) -> None:
        """A person answered; ``abandoned`` when no operator took the call within the grace time."""
        self.live_answers += 1
        self.abandoned += int(abandoned)
        self._recent.append((now, abandoned))
        self._recent_abandoned += int(abandoned)
        self._trim(now)

    def record_amd(self, false_positive: bool) -> None:
        """AMD hung up a call as a machine; ``false_positive`` when it was later found to be a person."""
        self.amd_machines += 1
        self.amd_false_positives += int(false_positive)

    # --- reading ----------------------------------------------------------------------------------
    def day(self) -> AbandonCounts:
        return AbandonCounts(self.live_answers, self.abandoned)

    def rolling(self, now: float) -> AbandonCounts:
        """Abandon counts over the last ``rolling_window_s`` seconds."""
        self._trim(now)
        return AbandonCounts(len(self._recent), self._recent_abandoned)

    @property
    def answer_rate(self) -> float:
        """Share of finished dials answered by a party that needed an operator (sample: ``dials``)."""
        return self.answered / self.dials if self.dials else 0.0

    @property
    def amd_false_positive_rate(self) -> float:
        """AMD false positives per live answer (they count as abandoned calls for the regulator)."""
        total = self.live_answers + self.amd_false_positives
        return self.amd_false_positives / total if total else 0.0

    @property
    def mean_talk_s(self) -> float | None:
        return self.talk_total_s / self.talks if self.talks else None

    @property
    def mean_wrap_s(self) -> float | None:
        return self.wrap_total_s / self.wraps if self.wraps else None

    def _trim(self, now: float) -> None:
        horizon = now - self.rolling_window_s
        while self._recent and self._recent[0][0] < horizon:
            _, abandoned = self._recent.popleft()
            self._recent_abandoned -= int(abandoned)
