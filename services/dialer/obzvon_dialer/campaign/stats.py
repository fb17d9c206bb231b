"""Per-project pacing measurements (F-41): dial, talk and abandon figures from the call events this
dialer writes, wrap-up times from the operators' closed "in card" intervals.

Durations reach the pacer in the PBX's seconds: with a ``time_scale`` below 1 (tests and demos against
a sped-up pbx-sim) wall-clock durations are divided by it, so the pacer reasons in the same units as
the project's settings and its own priors.
"""

import datetime as dt
import time
import uuid
from collections.abc import Sequence

from obzvon_events.base import Event
from obzvon_events.calls import CallEnded

from obzvon_dialer.campaign.repository import WrapRow
from obzvon_dialer.pacing import PacingStats

NEEDS_OPERATOR = frozenset({"answered", "abandoned"})


class CampaignStats:
    def __init__(self, time_scale: float = 1.0) -> None:
        self.time_scale = time_scale
        self._projects: dict[uuid.UUID, PacingStats] = {}
        self._wraps_until: dict[uuid.UUID, dt.datetime] = {}
        self.abandoned: dict[uuid.UUID, int] = {}

    def of(self, project_id: uuid.UUID) -> PacingStats:
        return self._projects.setdefault(project_id, PacingStats())

    def clock(self) -> float:
        """The pacer's monotonic clock, in the PBX's seconds."""
        return time.monotonic() / self.time_scale

    def seconds(self, wall: float) -> float:
        """A measured wall-clock duration in the PBX's seconds."""
        return max(0.0, wall) / self.time_scale

    def observe(self, _call_id: uuid.UUID, events: list[Event]) -> None:
        """``CallService`` hook (after commit)."""
        for event in events:
            if isinstance(event, CallEnded) and event.call_type == "auto":
                self._ended(event)

    def wraps_until(self, project_id: uuid.UUID) -> dt.datetime | None:
        """Wrap-ups that ended up to this moment are already counted (None: none looked at yet)."""
        return self._wraps_until.get(project_id)

    def record_wraps(self, project_id: uuid.UUID, wraps: Sequence[WrapRow], until: dt.datetime) -> None:
        stats = self.of(project_id)
        for wrap in wraps:
            talk = self.seconds(wrap.talk_s) if wrap.talk_s is not None else None
            stats.record_wrap(self.seconds(wrap.wrap_s), after_talk_s=talk)
        self._wraps_until[project_id] = until

    def _ended(self, event: CallEnded) -> None:
        stats = self.of(event.project_id)
        needs_operator = event.outcome in NEEDS_OPERATOR
        dial_end = event.answered_at or event.ended_at
        stats.record_dial(self.seconds((dial_end - event.started_at).total_seconds()), needs_operator)
        if event.outcome == "machine":
            stats.record_amd(False)
        if needs_operator:
            # An answered call no operator took in time is abandoned (queue-router's call_abandoned).
            abandoned = event.outcome == "abandoned"
            stats.record_live_answer(self.clock(), abandoned)
            if abandoned:
                self.abandoned[event.project_id] = self.abandoned.get(event.project_id, 0) + 1
        if event.connected_at is not None:
            stats.record_talk(self.seconds((event.ended_at - event.connected_at).total_seconds()))
