"""Background asyncio tasks of a service: one way to stop them."""

import asyncio
import contextlib


async def cancel_and_wait(task: "asyncio.Task[object] | asyncio.Future[object] | None") -> None:
    """Cancel ``task`` (if any) and wait until it has finished unwinding."""
    if task is None:
        return
    task.cancel()
    with contextlib.suppress(asyncio.CancelledError):
        await task
