"""Per-project pacing measurements, fed from the call events this dialer writes (F-41)."""

import time
import uuid

from obzvon_events.base import Event
from obzvon_events.calls import CallEnded

from obzvon_dialer.pacing import PacingStats

NEEDS_OPERATOR = frozenset({"answered", "abandoned"})


class CampaignStats:
    def __init__(self) -> None:
        self._projects: dict[uuid.UUID, PacingStats] = {}
        self.abandoned: dict[uuid.UUID, int] = {}

    def of(self, project_id: uuid.UUID) -> PacingStats:
        return self._projects.setdefault(project_id, PacingStats())

    def observe(self, _call_id: uuid.UUID, events: list[Event]) -> None:
        """``CallService`` hook (after commit)."""
        for event in events:
            if isinstance(event, CallEnded) and event.call_type == "auto":
                self._ended(event)

    def _ended(self, event: CallEnded) -> None:
        stats = self.of(event.project_id)
        needs_operator = event.outcome in NEEDS_OPERATOR
        dial_end = event.answered_at or event.ended_at
        stats.record_dial(max(0.0, (dial_end - event.started_at).total_seconds()), needs_operator)
        if event.outcome == "machine":
            stats.record_amd(False)
        if needs_operator:
            # An answered call no operator took in time is abandoned (queue-router's call_abandoned).
            abandoned = event.outcome == "abandoned"
            stats.record_live_answer(time.monotonic(), abandoned)
            if abandoned:
                self.abandoned[event.project_id] = self.abandoned.get(event.project_id, 0) + 1
        if event.connected_at is not None:
            stats.record_talk(max(0.0, (event.ended_at - event.connected_at).total_seconds()))
