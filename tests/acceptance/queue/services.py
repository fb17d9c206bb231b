"""The services of the acceptance stack beyond the dialer and reporting: queue-router (which a test may
stop and start again, as a process restart), and the gateway, served over a loopback socket for the
operators' WebSockets."""

import asyncio
import contextlib
import socket
from collections.abc import AsyncIterator

import uvicorn
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


@contextlib.asynccontextmanager
async def served(app: FastAPI) -> AsyncIterator[str]:
    """``ws://127.0.0.1:<port>`` of uvicorn serving an app whose lifespan is already running."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", 0))
    server = uvicorn.Server(uvicorn.Config(app, lifespan="off", log_config=None))
    task = asyncio.create_task(server.serve(sockets=[sock]))
    try:
        async with asyncio.timeout(10):
            while not server.started:
                if task.done():
                    task.result()
                await asyncio.sleep(0.01)
        yield f"ws://127.0.0.1:{sock.getsockname()[1]}"
    finally:
        server.should_exit = True
        await asyncio.wait_for(task, 10)
        sock.close()
