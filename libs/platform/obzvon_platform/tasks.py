"""Background asyncio tasks of a service: one way to stop them, and a deadline for each shutdown step."""

import asyncio
import contextlib
from collections.abc import Awaitable

import structlog

log = structlog.get_logger(__name__)


async def cancel_and_wait(task: "asyncio.Task[object] | asyncio.Future[object] | None") -> None:
    """Cancel ``task`` (if any) and wait until it has finished unwinding."""
    if task is None:
        return
    task.cancel()
    with contextlib.suppress(asyncio.CancelledError):
        await task


async def stop_within(seconds: float, step: str, stopping: Awaitable[object]) -> bool:
    """Await one shutdown step for at most ``seconds``; a step still running then is cancelled and
    logged by name, so that one stuck step (a broker or a database that does not answer) cannot keep
    the service from stopping. Returns whether the step finished in time."""
    try:
        async with asyncio.timeout(seconds):
            await stopping
    except TimeoutError:
        log.warning("shutdown.step_timed_out", step=step, seconds=seconds)
        return False
    return True
