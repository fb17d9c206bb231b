"""Retry schedules per outcome (F-26): "15;60;1440;60" with an attempt count.

For an outcome (busy, no answer, answering machine, lost) the rule has interval minutes and a count
``attempts``: the number of calls that may end with that outcome. After the ``k``-th such call the
contact is retried only while ``k < attempts``; retry ``k`` waits ``intervals[k-1]`` minutes after
that call, and past the end of the list the last interval repeats. With the manual's defaults
("15;60;1440;60", 5 attempts for busy) the four retries after the 1st…4th busy wait 15 min, 1 h,
24 h and 1 h, and a 5th busy ends dialling for that reason. A rule with no intervals retries at once.
"""

import datetime as dt
from dataclasses import dataclass

from obzvon_db.enums import RetryOutcome


class RetryRuleError(ValueError):
    """The interval text is not a ``;``-separated list of positive whole minutes."""


@dataclass(frozen=True)
class RetryRule:
    intervals_min: tuple[int, ...]
    attempts: int

    @classmethod
    def parse(cls, text: str, attempts: int) -> "RetryRule":
        """``"15;60;1440;60"`` → a rule; spaces and a trailing ``;`` are tolerated."""
        parts = [p.strip() for p in text.split(";") if p.strip()]
        if not all(p.isdigit() and int(p) > 0 for p in parts):
            raise RetryRuleError(f"intervals must be positive whole minutes separated by ';': {text!r}")
        if attempts < 0:
            raise RetryRuleError("attempts must not be negative")
        return cls(tuple(int(p) for p in parts), attempts)

    @property
    def retries(self) -> int:
        """How many retries an outcome may lead to."""
        return max(self.attempts - 1, 0)

    def allows_retry(self, count: int) -> bool:
        """Whether a contact whose calls ended ``count`` times with this outcome is retried."""
        return 0 < count < self.attempts

    def delay(self, count: int) -> dt.timedelta:
        """Wait before retry number ``count`` (after the ``count``-th such outcome)."""
        if not self.intervals_min:
            return dt.timedelta(0)
        index = min(max(count, 1), len(self.intervals_min)) - 1
        return dt.timedelta(minutes=self.intervals_min[index])

    def retry_at(self, count: int, outcome_at: dt.datetime) -> dt.datetime | None:
        """When to call again after the ``count``-th such outcome at ``outcome_at``; ``None``: never."""
        return outcome_at + self.delay(count) if self.allows_retry(count) else None


OUTCOME_LABELS: dict[RetryOutcome, tuple[str, str]] = {
    RetryOutcome.BUSY: ("«Занято»", "busy"),
    RetryOutcome.NO_ANSWER: ("«Нет ответа»", "no answer"),
    RetryOutcome.MACHINE: ("«Автоответчик»", "answering machine"),
    RetryOutcome.LOST: ("«Потерян»", "lost"),
}
