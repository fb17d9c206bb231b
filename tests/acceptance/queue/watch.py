"""Everything published on the stack's exchange (events and commands alike), in arrival order, awaitable
by name and by the values of fields."""

import asyncio
import uuid
from typing import Any

from obzvon_platform.bus import Bus

from tests.telephony.stack import EventWatch


def _matches(data: dict[str, Any], fields: dict[str, object]) -> bool:
    return all(data.get(k) == (str(v) if isinstance(v, uuid.UUID) else v) for k, v in fields.items())


class BusWatch(EventWatch):
    def __init__(self, bus: Bus) -> None:
        super().__init__(bus, keys=("#",))

    def all(self, name: str, **fields: object) -> list[dict[str, Any]]:
        """The data of every ``name`` message whose fields have these values (ids compared as text)."""
        return [e.data for e in self.envelopes if e.name == name and _matches(e.data, fields)]

    async def arrived(
        self, name: str, within: float = 15.0, count: int = 1, **fields: object
    ) -> list[dict[str, Any]]:
        """The first ``count`` matching messages, once they have arrived."""
        async with self._changed:
            await asyncio.wait_for(
                self._changed.wait_for(lambda: len(self.all(name, **fields)) >= count), within
            )
        return self.all(name, **fields)[:count]

    async def first(self, name: str, within: float = 15.0, **fields: object) -> dict[str, Any]:
        return (await self.arrived(name, within, 1, **fields))[0]
