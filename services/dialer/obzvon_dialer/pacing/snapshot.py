"""The pacer's view of one project at one instant: operators, calls in flight, measurements, settings."""

from collections.abc import Sequence
from dataclasses import dataclass

from obzvon_dialer.pacing.settings import PacingSettings
from obzvon_dialer.pacing.stats import PacingStats


@dataclass(frozen=True, slots=True)
class PacingSnapshot:
    """Everything :meth:`Pacer.decide` may look at; times are seconds of a monotonic clock.

    ``talking`` and ``wrapping`` hold, per operator, the seconds spent so far in the current
    conversation or wrap-up ("about to be free"); ``ringing`` holds, per dialled call not yet answered,
    the seconds since it was originated; ``waiting`` counts answered calls with no operator yet.
    """

    now: float
    operators_logged_in: int
    operators_free: int
    talking: Sequence[float]
    wrapping: Sequence[float]
    ringing: Sequence[float]
    waiting: int
    stats: PacingStats
    settings: PacingSettings

    @property
    def lines_in_use(self) -> int:
        """Trunk lines held now: ringing, waiting and connected calls."""
        return len(self.ringing) + self.waiting + len(self.talking)

    @property
    def lines_free(self) -> int:
        """Lines that may still be opened under the project's and the trunk's limits."""
        return max(0, self.settings.line_limit() - self.lines_in_use)
