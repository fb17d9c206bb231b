"""Wakes an outbox relay when any process commits outbox rows (PostgreSQL LISTEN on the channel that
``add_to_outbox`` notifies), so events leave within milliseconds instead of at the next poll. Polling
stays as the fallback: a lost listening connection only costs latency."""

import contextlib
from collections.abc import Callable

import asyncpg
import structlog
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from obzvon_platform.bus.outbox import OUTBOX_CHANNEL

log = structlog.get_logger(__name__)


class OutboxNotifications:
    """One listening connection per relay; ``on_notify`` is called for every committed batch."""

    def __init__(self, sessionmaker: async_sessionmaker[AsyncSession], on_notify: Callable[[], None]) -> None:
        self.sessionmaker = sessionmaker
        self.on_notify = on_notify
        self._connection: asyncpg.Connection | None = None

    @property
    def listening(self) -> bool:
        return self._connection is not None and not self._connection.is_closed()

    async def ensure(self) -> None:
        """Listen if not already listening; failures are logged and retried at the next call."""
        if self.listening:
            return
        url = self.sessionmaker.kw["bind"].url.set(drivername="postgresql")
        try:
            self._connection = await asyncpg.connect(url.render_as_string(hide_password=False))
            await self._connection.add_listener(OUTBOX_CHANNEL, self._notified)
        except Exception as exc:
            log.warning("outbox.listen_failed", error=repr(exc))
            await self.close()

    def _notified(self, *_args: object) -> None:
        self.on_notify()

    async def close(self) -> None:
        connection, self._connection = self._connection, None
        if connection is not None:
            with contextlib.suppress(Exception):
                await connection.close()
