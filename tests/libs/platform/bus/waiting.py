"""Awaiting deliveries in bus tests."""

import asyncio
import time
import uuid
from collections.abc import Awaitable, Callable

from obzvon_events import Envelope


class Received:
    """A handler that records envelopes; ``wait_for(n)`` returns once ``n`` have arrived."""

    def __init__(self) -> None:
        self.envelopes: list[Envelope] = []
        self._changed = asyncio.Condition()

    async def __call__(self, envelope: Envelope) -> None:
        async with self._changed:
            self.envelopes.append(envelope)
            self._changed.notify_all()

    async def wait_for(self, count: int, within: float = 20) -> list[Envelope]:
        async with self._changed:
            await asyncio.wait_for(self._changed.wait_for(lambda: len(self.envelopes) >= count), within)
        return self.envelopes

    @property
    def ids(self) -> list[uuid.UUID]:
        return [envelope.id for envelope in self.envelopes]


async def eventually(check: Callable[[], Awaitable[bool]], within: float = 20) -> None:
    """Poll ``check`` (for state that announces nothing, such as a database row) until it holds."""
    deadline = time.monotonic() + within
    while not await check():
        if time.monotonic() > deadline:
            raise TimeoutError("condition not met in time")
        await asyncio.sleep(0.05)
