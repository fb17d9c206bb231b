"""Shutdown steps have deadlines: one stuck step cannot keep a service from stopping."""

import asyncio

from obzvon_platform.tasks import stop_within


async def test_a_step_that_finishes_in_time_is_awaited_to_its_end() -> None:
    done: list[str] = []

    async def close() -> None:
        await asyncio.sleep(0)
        done.append("closed")

    assert await stop_within(1.0, "relay", close()) is True
    assert done == ["closed"]


async def test_a_stuck_step_is_cancelled_at_its_deadline() -> None:
    never = asyncio.Event()
    unwound: list[str] = []

    async def close() -> None:
        try:
            await never.wait()
        finally:
            unwound.append("cancelled")

    assert await stop_within(0.05, "relay", close()) is False
    assert unwound == ["cancelled"]
