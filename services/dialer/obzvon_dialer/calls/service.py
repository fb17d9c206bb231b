"""Applies call signals to attempt rows and writes the resulting events to the outbox in the same
transaction (I3). A signal for an attempt this database does not know is ignored."""

import dataclasses
import datetime as dt
import uuid
from collections.abc import Awaitable, Callable

import structlog
from obzvon_db.enums import CallOutcome, CallType
from obzvon_events.base import Event
from obzvon_platform.operator_states import operator_by_extension
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from obzvon_dialer.calls import repository
from obzvon_dialer.calls.domain_events import event_id
from obzvon_dialer.calls.machine import advance, close
from obzvon_dialer.calls.outbox import add_event_once
from obzvon_dialer.calls.signals import CallSignal, SignalKind
from obzvon_dialer.calls.tracker import CallTracker
from obzvon_dialer.calls.view import CallView

log = structlog.get_logger(__name__)

#: Called after a commit that wrote events: ``(call id, events)``.
EventsHook = Callable[[uuid.UUID, list[Event]], None]
#: Signals of calls without an attempt row (inbound calls) go to ``(handles, apply)`` instead.
#: Called in the transaction that moved a call to a final state (the contact's next attempt).
FinishedHook = Callable[[AsyncSession, CallView], Awaitable[None]]
Delegate = tuple[Callable[[CallSignal], bool], Callable[[CallSignal], Awaitable[list[Event]]]]


class CallService:
    def __init__(
        self,
        sessions: async_sessionmaker[AsyncSession],
        tracker: CallTracker,
        *,
        lease_seconds: float,
        on_events: list[EventsHook] | None = None,
    ) -> None:
        self.sessions = sessions
        self.tracker = tracker
        self.lease_seconds = lease_seconds
        self.on_events: list[EventsHook] = list(on_events or [])
        self.delegate: Delegate | None = None
        self.on_finished: FinishedHook | None = None

    async def apply(self, signal: CallSignal) -> list[Event]:
        if self.delegate is not None and self.delegate[0](signal):
            return await self.delegate[1](signal)

        async def step(session: AsyncSession, view: CallView) -> list[Event]:
            resolved = signal
            if signal.extension and signal.kind in (SignalKind.OPERATOR_DIAL, SignalKind.HANGUP):
                operator = await operator_by_extension(session, signal.extension)
                resolved = dataclasses.replace(signal, operator_id=operator)
            elif signal.kind is SignalKind.MANUAL_DIAL and view.operator_id is not None:
                extension = await repository.extension_of(session, view.operator_id)
                resolved = dataclasses.replace(signal, extension=extension or "")
            return advance(view, resolved)

        return await self._change(signal.attempt_id, step)

    async def close(
        self,
        attempt_id: uuid.UUID,
        outcome: CallOutcome,
        *,
        retry_after: float | None = None,
        at: dt.datetime | None = None,
    ) -> list[Event]:
        """End a live call the PBX cannot tell about any more; optionally make its contact due again."""
        when = at or dt.datetime.now(dt.UTC)

        async def step(_session: AsyncSession, view: CallView) -> list[Event]:
            return close(view, outcome, when)

        return await self._change(attempt_id, step, retry_after=retry_after)

    async def _change(
        self,
        attempt_id: uuid.UUID,
        step: Callable[[AsyncSession, CallView], Awaitable[list[Event]]],
        *,
        retry_after: float | None = None,
    ) -> list[Event]:
        async with self.sessions() as session, session.begin():
            attempt = await repository.lock_attempt(session, attempt_id)
            if attempt is None:
                return []
            view = CallView.of(attempt, self.tracker.get(attempt_id))
            was_finished = view.finished
            before = view.row_values()
            events = await step(session, view)
            after = view.row_values()
            if after != before or view.state in repository.LIVE_ATTEMPT_STATES:
                await repository.save_attempt(session, attempt, after, self.lease_seconds)
            for event in events:
                at = _occurred_at(event)
                await add_event_once(session, event, event_id(attempt_id, event), at)
            scheduled = self.on_finished is not None and view.call_type is CallType.AUTO
            if view.finished and not was_finished and self.on_finished is not None:
                await self.on_finished(session, view)  # campaign calls: the project's retry rules
            if events and retry_after is not None and attempt.contact_id is not None and not scheduled:
                await repository.schedule_retry(session, attempt.contact_id, retry_after)
        if view.finished:
            self.tracker.forget(attempt_id)
        else:
            self.tracker.put(attempt_id, view.memory)
        if events:
            log.info("call.events", call_id=str(attempt_id), events=[e.name for e in events])
            for hook in self.on_events:
                hook(attempt_id, events)
        return events


def _occurred_at(event: Event) -> dt.datetime | None:
    names = (
        "ended_at",
        "connected_at",
        "missed_at",
        "answered_at",
        "detected_at",
        "ringing_at",
        "originated_at",
    )
    for name in names:
        value = getattr(event, name, None)
        if isinstance(value, dt.datetime):
            return value
    return None
