"""What queue-router runs beside HTTP: the outbox relay, the event consumer, the timer loop of queue and
operator timeouts, the heartbeat watch, the reconciliation of held operators and the task scheduler."""

import asyncio
import contextlib
from collections.abc import Awaitable, Callable

import structlog
from fastapi import FastAPI
from obzvon_platform.bus import Bus, Consumer, OutboxRelay
from obzvon_platform.resources import Resources
from obzvon_platform.tasks import stop_within

from obzvon_queue_router import recovery
from obzvon_queue_router.consumers import RouterEvents
from obzvon_queue_router.queue import dispatch
from obzvon_queue_router.queue.router import Router
from obzvon_queue_router.settings import RouterSettings
from obzvon_queue_router.states.heartbeat import Heartbeats
from obzvon_queue_router.states.watcher import check_heartbeats
from obzvon_queue_router.tasks.scheduler import run_due_tasks

log = structlog.get_logger(__name__)

#: Handlers in progress at shutdown get this long to finish; their messages are redelivered otherwise.
DRAIN_SECONDS = 5.0
#: Any other shutdown step.
STEP_SECONDS = 4.0


class QueueRouterRuntime:
    def __init__(self, settings: RouterSettings, resources: Resources) -> None:
        common = resources.settings
        self.settings = settings
        self.bus = Bus(common.amqp_url, exchange=common.exchange, connection_name="queue-router")
        self.relay = OutboxRelay(resources.sessions, self.bus, poll_interval=settings.outbox_poll_interval)
        heartbeats = Heartbeats(resources.redis, resources.keys, settings.heartbeat_timeout)
        self.router = Router(settings, resources.sessions, heartbeats, self.bus, on_commit=self.relay.wake)
        self.events = RouterEvents(self.router)
        self.queue = settings.events_queue
        self._consumer: Consumer | None = None
        self._tasks: list[asyncio.Task[None]] = []

    async def start(self) -> None:
        await self.bus.connect()
        self.relay.start()
        await self.rebuild()
        self._consumer = self.events.consumer(self.bus, self.queue)
        await self._consumer.start()
        self._tasks = [
            asyncio.create_task(self.router.run_timers(lambda db: dispatch.expire(self.router, db))),
            asyncio.create_task(self._every(self.settings.heartbeat_check_interval, self._heartbeats)),
            asyncio.create_task(self._every(self.settings.reconcile_interval, self._settle)),
            asyncio.create_task(self._every(self.settings.task_poll_interval, self._tasks_due)),
        ]
        log.info("queue_router.started")

    async def stop(self) -> None:
        """Timers, consumer (handlers in progress may finish), relay, bus: each step has a deadline, and
        all of them together stay within the ASGI server's shutdown time."""
        for task in self._tasks:
            task.cancel()
        await stop_within(STEP_SECONDS, "timers", asyncio.gather(*self._tasks, return_exceptions=True))
        self._tasks = []
        if self._consumer is not None:
            with contextlib.suppress(Exception):
                await stop_within(
                    DRAIN_SECONDS + STEP_SECONDS, "consumer", self._consumer.stop(DRAIN_SECONDS)
                )
        await stop_within(STEP_SECONDS, "outbox relay", self.relay.close())
        await stop_within(STEP_SECONDS, "bus", self.bus.close())

    async def rebuild(self) -> None:
        """I4: operator states and waiting calls from Postgres."""
        async with self.router.transaction() as db:
            await recovery.rebuild(self.router, db)

    async def _heartbeats(self) -> None:
        async with self.router.transaction() as db:
            await check_heartbeats(self.router, db)

    async def _settle(self) -> None:
        async with self.router.transaction() as db:
            if await recovery.settle_stale_calls(db):
                await dispatch.dispatch_all(self.router, db)

    async def _tasks_due(self) -> None:
        async with self.router.transaction() as db:
            await run_due_tasks(self.router, db)

    async def _every(self, seconds: float, job: Callable[[], Awaitable[None]]) -> None:
        while True:
            await asyncio.sleep(seconds)
            try:
                await job()
            except asyncio.CancelledError:
                raise
            except Exception as exc:
                log.warning("queue_router.job_failed", job=job.__name__, error=repr(exc))
                with contextlib.suppress(Exception):
                    await self.rebuild()


def lifespan_hooks(
    settings: RouterSettings,
) -> tuple[Callable[[FastAPI, Resources], Awaitable[None]], Callable[[FastAPI, Resources], Awaitable[None]]]:
    async def on_startup(app: FastAPI, resources: Resources) -> None:
        if not settings.enabled:
            return
        runtime = QueueRouterRuntime(settings, resources)
        app.state.queue_router = runtime
        await runtime.start()

    async def on_shutdown(app: FastAPI, resources: Resources) -> None:
        runtime: QueueRouterRuntime | None = getattr(app.state, "queue_router", None)
        if runtime is not None:
            await runtime.stop()

    return on_startup, on_shutdown
