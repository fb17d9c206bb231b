"""Simulated time: every call timing is multiplied by the time scale (0.1 = ten times faster)."""

from __future__ import annotations

import asyncio
import time


class SimClock:
    def __init__(self, scale: float = 1.0) -> None:
        self.scale = scale
        self.started_at = time.time()
        self.last_reload = self.started_at

    def real(self, sim_seconds: float) -> float:
        """Wall-clock seconds that correspond to a simulated duration."""
        return max(0.0, sim_seconds * self.scale)

    async def sleep(self, sim_seconds: float) -> None:
        await asyncio.sleep(self.real(sim_seconds))

    @staticmethod
    def epoch() -> float:
        return time.time()

    @staticmethod
    def monotonic() -> float:
        return time.monotonic()

    def uptime(self) -> int:
        return int(time.time() - self.started_at)

    def since_reload(self) -> int:
        return int(time.time() - self.last_reload)
