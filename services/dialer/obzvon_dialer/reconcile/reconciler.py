"""The reconciler (I2): compares this dialer's live attempts with the PBX's channels.

It runs after every (re)connect and then every ``reconcile_interval`` seconds. Events received
before the channel list are applied first, so a call that ended in the meantime is already closed.

- A channel exists for the attempt: it is adopted — its lease is renewed and the dialer keeps
  following it (the channel name is remembered for call control).
- No channel, and either a channel was seen before (its ``Hangup`` was lost with a connection) or
  the lease expired (the Originate never produced a channel): the attempt is closed as
  ``failed_unknown`` and ``call_ended`` is written, so the call record is never lost.
- No channel, lease still running, none seen yet: the Originate may still be on its way; wait.

Closed contacts are made due again after ``unknown_retry_seconds``. This is a plain default: the
campaign engine applies the project's retry rules when it picks the contact.
"""

import asyncio

import structlog
from obzvon_db.enums import CallOutcome
from obzvon_platform.tasks import cancel_and_wait
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from obzvon_dialer.ami.channels import list_channels
from obzvon_dialer.ami.connection import AmiConnection, AmiError
from obzvon_dialer.calls.pump import EventPump
from obzvon_dialer.calls.service import CallService
from obzvon_dialer.calls.tracker import CallTracker
from obzvon_dialer.metrics import RECONCILED
from obzvon_dialer.reconcile import repository
from obzvon_dialer.settings import AmiSettings

log = structlog.get_logger(__name__)


class Reconciler:
    def __init__(
        self,
        settings: AmiSettings,
        sessions: async_sessionmaker[AsyncSession],
        connection: AmiConnection,
        pump: EventPump,
        calls: CallService,
        tracker: CallTracker,
    ) -> None:
        self.settings = settings
        self.sessions = sessions
        self.connection = connection
        self.pump = pump
        self.calls = calls
        self.tracker = tracker
        self._lock = asyncio.Lock()
        self._task: asyncio.Task[None] | None = None
        self.runs = 0

    def start(self) -> None:
        if self._task is None or self._task.done():
            self._task = asyncio.create_task(self._periodic(), name="reconciler")

    async def stop(self) -> None:
        task, self._task = self._task, None
        await cancel_and_wait(task)

    async def _periodic(self) -> None:
        while True:
            await asyncio.sleep(self.settings.reconcile_interval)
            if not self.connection.connected:
                continue
            try:
                await self.run()
            except asyncio.CancelledError:
                raise
            except Exception as exc:
                log.warning("reconcile.failed", error=repr(exc))

    async def run(self) -> dict[str, int]:
        """One pass; returns how many attempts were adopted, closed and left waiting."""
        async with self._lock:
            # The attempts first, then the channels: an attempt whose channel appears after the list
            # was taken is not among them, and is not closed for missing from it.
            async with self.sessions() as session:
                live = await repository.live_attempts(session, self.settings.instance_id)
            channels = await list_channels(self.connection)
            await self.pump.drain()
            found = {c.attempt_id: c for c in channels if c.attempt_id is not None}
            counts = {"adopted": 0, "closed": 0, "waiting": 0}
            adopted = []
            for attempt in live:
                channel = found.get(attempt.id)
                if channel is not None:
                    self.tracker.adopt(attempt.id, channel.name if channel.client_leg else "")
                    adopted.append(attempt.id)
                    counts["adopted"] += 1
                elif attempt.channel_seen or attempt.lease_expired:
                    await self.calls.close(
                        attempt.id,
                        CallOutcome.FAILED_UNKNOWN,
                        retry_after=self.settings.unknown_retry_seconds,
                    )
                    counts["closed"] += 1
                else:
                    counts["waiting"] += 1
            async with self.sessions() as session, session.begin():
                await repository.renew_leases(session, adopted, self.settings.lease_seconds)
        for result, count in counts.items():
            RECONCILED.labels(result).inc(count)
        self.runs += 1
        log.info("reconcile.done", **counts)
        return counts

    async def after_connect(self) -> None:
        """``AmiConnection.on_connected``: settle what happened while the link was down."""
        try:
            await self.run()
        except (AmiError, TimeoutError) as exc:
            log.warning("reconcile.failed", error=repr(exc))
