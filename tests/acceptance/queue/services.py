"""The services of the acceptance stack beyond the dialer and reporting: queue-router (which a test may
stop and start again, as a process restart), and the gateway, served over a loopback socket for the
operators' WebSockets."""

import contextlib

from asgi_lifespan import LifespanManager
from fastapi import FastAPI
from obzvon_platform.settings import CommonSettings
from obzvon_queue_router.main import create_app as create_queue_router
from obzvon_queue_router.runtime import QueueRouterRuntime
from obzvon_queue_router.settings import RouterSettings


class QueueRouterService:
    """queue-router with its whole runtime (bus, outbox relay, consumer, timers). ``restart`` is a new
    process as far as the router can tell: nothing of the old one's memory is left."""

    def __init__(self, common: CommonSettings, settings: RouterSettings) -> None:
        self.common = common
        self.settings = settings
        self._running: contextlib.AsyncExitStack | None = None
        self.app: FastAPI | None = None

    async def start(self) -> None:
        app = create_queue_router(self.common, self.settings)
        stack = contextlib.AsyncExitStack()
        await stack.enter_async_context(LifespanManager(app, startup_timeout=30, shutdown_timeout=30))
        self.app, self._running = app, stack

    async def stop(self) -> None:
        running, self._running = self._running, None
        if running is not None:
            await running.aclose()
        self.app = None

    async def restart(self) -> None:
        await self.stop()
        await self.start()

    @property
    def runtime(self) -> QueueRouterRuntime:
        assert self.app is not None, "queue-router is not running"
        runtime: QueueRouterRuntime = self.app.state.queue_router
        return runtime
