"""The outbox relay: publishes committed outbox rows with confirms and marks them published.

Rows are taken in ``created_at`` order with ``FOR UPDATE SKIP LOCKED``, so several relays (one per
service instance) share the table without publishing a row twice at the same moment. A row is marked
published only after the broker confirmed it; a crash in between publishes it again (at least once —
consumers de-duplicate by id). While the broker is down the relay backs off and retries; the robust
connection reconnects by itself and wakes the relay. Commits anywhere wake it through PostgreSQL NOTIFY.
"""

import asyncio
import contextlib
from uuid import UUID

import sqlalchemy as sa
import structlog
from obzvon_db.models import OutboxMessage
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from obzvon_platform.bus.connection import Bus
from obzvon_platform.bus.messages import payload_message
from obzvon_platform.bus.metrics import OUTBOX_RELAYED
from obzvon_platform.bus.notifications import OutboxNotifications

log = structlog.get_logger(__name__)

UNROUTABLE = "unroutable: no queue bound for the routing key"


class OutboxRelayError(RuntimeError):
    """Some rows of a batch could not be published; they stay in the outbox."""


class OutboxRelay:
    """Background publisher of the ``outbox`` table; ``run()`` until cancelled or ``stop()``."""

    def __init__(
        self,
        sessionmaker: async_sessionmaker[AsyncSession],
        bus: Bus,
        *,
        batch_size: int = 100,
        poll_interval: float = 1.0,
        min_backoff: float = 0.5,
        max_backoff: float = 30.0,
    ) -> None:
        self.sessionmaker = sessionmaker
        self.bus = bus
        self.batch_size = batch_size
        self.poll_interval = poll_interval
        self.min_backoff = min_backoff
        self.max_backoff = max_backoff
        self._wakeup = asyncio.Event()
        self._reconnected = asyncio.Event()
        self._stopping = False
        self._task: asyncio.Task[None] | None = None
        self._notifications = OutboxNotifications(sessionmaker, self.wake)
        bus.add_reconnect_listener(self._reconnected.set)

    def start(self) -> None:
        """Run the relay in a background task (``close()`` ends it)."""
        if self._task is None or self._task.done():
            self._stopping = False
            self._task = asyncio.create_task(self.run(), name="outbox-relay")

    async def close(self) -> None:
        """Finish the current batch and stop."""
        task, self._task = self._task, None
        if task is not None:
            self.stop()
            await task

    @property
    def listening(self) -> bool:
        """Whether commits in other processes wake this relay (else it finds rows at the next poll)."""
        return self._notifications.listening

    def wake(self) -> None:
        """Publish now instead of at the next poll (call after committing outbox rows)."""
        self._wakeup.set()

    def stop(self) -> None:
        self._stopping = True
        self._wakeup.set()
        self._reconnected.set()

    async def run(self) -> None:
        try:
            await self._run()
        finally:
            await self._notifications.close()

    async def _run(self) -> None:
        backoff = self.min_backoff
        while not self._stopping:
            try:
                await self._notifications.ensure()
                await self.bus.connect()
                published = await self.relay_once()
            except asyncio.CancelledError:
                raise
            except Exception as exc:
                log.warning("outbox.relay_failed", error=repr(exc), retry_in=backoff)
                # Only a restored connection (or the timeout) ends the back-off: new rows cannot help.
                await self._wait(self._reconnected, backoff)
                backoff = min(self.max_backoff, backoff * 2)
                continue
            backoff = self.min_backoff
            if published < self.batch_size:
                await self._wait(self._wakeup, self.poll_interval)

    async def _wait(self, event: asyncio.Event, seconds: float) -> None:
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(event.wait(), seconds)
        event.clear()
        if event is self._reconnected:
            self._wakeup.clear()

    async def relay_once(self) -> int:
        """Publish one batch; returns how many rows it handled. Raises if any row failed."""
        async with self.sessionmaker() as session, session.begin():
            rows = (
                await session.execute(
                    sa.select(OutboxMessage.id, OutboxMessage.routing_key, OutboxMessage.payload)
                    .where(OutboxMessage.published_at.is_(None))
                    .order_by(OutboxMessage.created_at, OutboxMessage.id)
                    .limit(self.batch_size)
                    .with_for_update(skip_locked=True)
                )
            ).all()
            if not rows:
                return 0
            results = await asyncio.gather(
                *(self.bus.publish_message(payload_message(id, payload), key) for id, key, payload in rows),
                return_exceptions=True,
            )
            routed = [row.id for row, result in zip(rows, results, strict=True) if result is True]
            unroutable = [row.id for row, result in zip(rows, results, strict=True) if result is False]
            failed = {
                row.id: result
                for row, result in zip(rows, results, strict=True)
                if isinstance(result, BaseException)
            }
            await self._mark_published(session, routed, None)
            await self._mark_published(session, unroutable, UNROUTABLE)
            for row_id, error in failed.items():
                await session.execute(
                    sa.update(OutboxMessage)
                    .where(OutboxMessage.id == row_id)
                    .values(attempts=OutboxMessage.attempts + 1, last_error=repr(error)[:1000])
                )
        OUTBOX_RELAYED.labels("published").inc(len(routed))
        OUTBOX_RELAYED.labels("unroutable").inc(len(unroutable))
        OUTBOX_RELAYED.labels("failed").inc(len(failed))
        if unroutable:
            log.warning("outbox.unroutable", count=len(unroutable))
        if failed:
            raise OutboxRelayError(
                f"{len(failed)} of {len(rows)} rows not published: {next(iter(failed.values()))!r}"
            )
        return len(rows)

    @staticmethod
    async def _mark_published(session: AsyncSession, ids: list[UUID], error: str | None) -> None:
        if ids:
            await session.execute(
                sa.update(OutboxMessage)
                .where(OutboxMessage.id.in_(ids))
                .values(published_at=sa.func.now(), attempts=OutboxMessage.attempts + 1, last_error=error)
            )
