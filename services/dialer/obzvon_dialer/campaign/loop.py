"""The campaign loop (F-40, F-41): every tick, for each running project this dialer owns (a lease in
``projects``, renewed every tick; several dialers share the projects), ask the pacer how many calls to
start, claim that many due contacts (:mod:`obzvon_dialer.campaign.claim`: ``FOR UPDATE SKIP LOCKED``,
base order, the eligibility rules at dial time), commit their attempts (I1, I2) and only then send the
Originates.
"""

import asyncio
import contextlib
import uuid

import structlog
from obzvon_db.models import Project
from obzvon_platform.tasks import cancel_and_wait
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from obzvon_dialer.ami.connection import AmiConnection
from obzvon_dialer.campaign import repository, snapshot
from obzvon_dialer.campaign.claim import claim
from obzvon_dialer.campaign.settings import CampaignSettings
from obzvon_dialer.campaign.stats import CampaignStats
from obzvon_dialer.campaign.timeouts import GlobalTimeouts
from obzvon_dialer.originate.service import Originator
from obzvon_dialer.pacing import Pacer

log = structlog.get_logger(__name__)


class CampaignLoop:
    def __init__(
        self,
        settings: CampaignSettings,
        instance: str,
        sessions: async_sessionmaker[AsyncSession],
        connection: AmiConnection,
        originator: Originator,
        timeouts: GlobalTimeouts,
        stats: CampaignStats,
    ) -> None:
        self.settings = settings
        self.instance = instance
        self.sessions = sessions
        self.connection = connection
        self.originator = originator
        self.timeouts = timeouts
        self.stats = stats
        self._pacers: dict[uuid.UUID, Pacer] = {}
        self._task: asyncio.Task[None] | None = None
        self.ticks = 0

    def start(self) -> None:
        if self._task is None or self._task.done():
            self._task = asyncio.create_task(self._run(), name="campaign-loop")

    async def stop(self) -> None:
        task, self._task = self._task, None
        await cancel_and_wait(task)
        self.timeouts.cancel_all()
        with contextlib.suppress(Exception):
            async with self.sessions() as session, session.begin():
                await repository.release_projects(session, self.instance)

    async def _run(self) -> None:
        while True:
            try:
                await self.tick()
            except asyncio.CancelledError:
                raise
            except Exception as exc:
                log.warning("campaign.tick_failed", error=repr(exc))
            await asyncio.sleep(self.settings.tick_seconds)

    async def tick(self) -> int:
        """One pass over the owned projects; returns how many calls were originated."""
        async with self.sessions() as session, session.begin():
            owned = await repository.lease_projects(
                session, self.instance, self.settings.project_lease_seconds, self.settings.acquire_per_tick
            )
        placed = 0
        if self.connection.connected:
            for project_id in owned:
                placed += await self.dial_project(project_id)
        self.ticks += 1
        return placed

    async def dial_project(self, project_id: uuid.UUID) -> int:
        async with self.sessions() as session, session.begin():
            project = await session.get(Project, project_id)
            if project is None:
                return 0
            snap = await snapshot.build(session, project, self.stats)
            wanted = min(
                self._pacers.setdefault(project_id, Pacer()).decide(snap), self.settings.max_dials_per_tick
            )
            specs = await claim(session, project, wanted, self.originator.register) if wanted > 0 else []
            global_timeout = project.global_timeout_s
        # Committed: only now may the PBX hear of these calls (I2).
        for spec in specs:
            result = await self.originator.send(spec)
            if result in ("queued", "unknown") and global_timeout:
                self.timeouts.start(spec.attempt_id, global_timeout * self.settings.time_scale)
        if specs:
            log.info("campaign.dialled", project_id=str(project_id), calls=len(specs), wanted=wanted)
        return len(specs)
