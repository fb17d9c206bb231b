"""The router's memory and clock: waiting calls per project in arrival order, the offers under way, and
one timer loop for operator and queue timeouts. Every change runs under one lock and one Postgres
transaction (``Router.transaction``); the memory is rebuilt from Postgres at start and after a failure
(I4)."""

import asyncio
import contextlib
import datetime as dt
import time
import uuid
from collections.abc import AsyncIterator, Awaitable, Callable

import structlog
from obzvon_events.calls import QueueUpdated, QueueWaitingCall
from obzvon_platform.bus import Bus
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from obzvon_queue_router.queue.model import WaitingCall
from obzvon_queue_router.settings import RouterSettings
from obzvon_queue_router.states.heartbeat import Heartbeats

log = structlog.get_logger(__name__)
PRODUCER = "queue-router"

Tick = Callable[[AsyncSession], Awaitable[None]]


class Router:
    def __init__(
        self,
        settings: RouterSettings,
        sessions: async_sessionmaker[AsyncSession],
        heartbeats: Heartbeats,
        bus: Bus | None = None,
        *,
        on_commit: Callable[[], None] | None = None,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.settings = settings
        self.sessions = sessions
        self.heartbeats = heartbeats
        self.bus = bus
        self.on_commit = on_commit
        self.clock = clock
        self.lock = asyncio.Lock()
        self.queues: dict[uuid.UUID, list[WaitingCall]] = {}
        self.strategies: dict[uuid.UUID, str] = {}
        self.changed: set[uuid.UUID] = set()
        #: Calls dropped by the queue timeout whose end the PBX has not reported yet, and why.
        self.dropped: dict[uuid.UUID, str] = {}
        self._wake = asyncio.Event()

    # -- memory -----------------------------------------------------------------------------------
    def waiting(self, call_id: uuid.UUID) -> WaitingCall | None:
        for calls in self.queues.values():
            for call in calls:
                if call.call_id == call_id:
                    return call
        return None

    def add(self, call: WaitingCall) -> None:
        self.queues.setdefault(call.project_id, []).append(call)
        self.changed.add(call.project_id)

    def remove(self, call: WaitingCall) -> None:
        calls = self.queues.get(call.project_id, [])
        if call in calls:
            calls.remove(call)
        if not calls:
            self.queues.pop(call.project_id, None)
        self.changed.add(call.project_id)

    def all_calls(self) -> list[WaitingCall]:
        return [call for calls in self.queues.values() for call in calls]

    def ringing_operators(self) -> set[uuid.UUID]:
        return {op for call in self.all_calls() if call.offer for op in call.offer.operator_ids}

    def clear(self) -> None:
        for project_id in self.queues:
            self.changed.add(project_id)
        self.queues.clear()

    def next_deadline(self) -> float | None:
        times = []
        for call in self.all_calls():
            if call.offer is not None:  # the ring ends first, even past the queue timeout
                times.append(call.offer.deadline)
                continue
            times.append(call.deadline)
            if call.pass_due:
                times.append(call.next_pass_at)
        return min(times) if times else None

    def wake(self) -> None:
        self._wake.set()

    # -- transactions -----------------------------------------------------------------------------
    @contextlib.asynccontextmanager
    async def transaction(self) -> AsyncIterator[AsyncSession]:
        """Lock the router and open a transaction; after the commit the relay is woken, the timer loop
        re-armed and queue changes published."""
        async with self.lock:
            async with self.sessions() as db, db.begin():
                yield db
            if self.on_commit is not None:
                self.on_commit()
            self._wake.set()
            await self.publish_changes()

    async def publish_changes(self) -> None:
        changed, self.changed = self.changed, set()
        if self.bus is None or not self.bus.is_connected:
            return
        for project_id in changed:
            event = self.snapshot(project_id)
            try:
                await self.bus.publish_event(event, PRODUCER)
            except Exception as exc:  # live monitoring is best effort
                log.warning("queue.publish_failed", project_id=str(project_id), error=repr(exc))

    def snapshot(self, project_id: uuid.UUID) -> QueueUpdated:
        calls = self.queues.get(project_id, [])
        return QueueUpdated(
            project_id=project_id,
            strategy=self.strategies.get(project_id, ""),
            calls=[
                QueueWaitingCall(
                    call_id=call.call_id,
                    position=position,
                    phone=call.phone,
                    contact_id=call.contact_id,
                    waiting_since=call.joined_at,
                    offered_to=list(call.offer.operator_ids) if call.offer else [],
                )
                for position, call in enumerate(calls, start=1)
            ],
        )

    # -- timer loop -------------------------------------------------------------------------------
    async def run_timers(self, tick: Tick) -> None:
        """Run ``tick`` whenever the nearest deadline passes (or a change re-arms the loop)."""
        while True:
            deadline = self.next_deadline()
            timeout = None if deadline is None else max(0.0, deadline - self.clock())
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._wake.wait(), timeout)
            self._wake.clear()
            deadline = self.next_deadline()
            if deadline is None or deadline > self.clock():
                continue
            try:
                async with self.transaction() as db:
                    await tick(db)
            except asyncio.CancelledError:
                raise
            except Exception as exc:
                log.exception("queue.tick_failed", error=repr(exc))
                await asyncio.sleep(0.5)


def utc_now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)
