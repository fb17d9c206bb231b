"""Fault switches shared by the AMI server and the control API (reliability scenarios F4, F6, F7)."""

from __future__ import annotations

import asyncio
import random
from dataclasses import dataclass, field


@dataclass
class EventChaos:
    """Damage applied to the event stream: repeated events, lost events, a skewed clock."""

    duplicate_rate: float = 0.0
    drop_rate: float = 0.0
    timestamp_skew: float = 0.0
    # Emit the Hangup of a failed originate before its DialEnd / OriginateResponse.
    hangup_first: bool = False

    def copies(self, rng: random.Random) -> int:
        """How many times the next event is written: 0 (lost), 1, or 2 (repeated)."""
        if self.drop_rate and rng.random() < self.drop_rate:
            return 0
        if self.duplicate_rate and rng.random() < self.duplicate_rate:
            return 2
        return 1


@dataclass
class FaultState:
    chaos: EventChaos = field(default_factory=EventChaos)
    rng: random.Random = field(default_factory=random.Random)
    _flowing: asyncio.Event = field(default_factory=asyncio.Event)

    def __post_init__(self) -> None:
        self._flowing.set()

    @property
    def blackholed(self) -> bool:
        return not self._flowing.is_set()

    def set_blackhole(self, enabled: bool) -> None:
        """Stop (or resume) reading from and writing to every AMI client, without closing sockets."""
        if enabled:
            self._flowing.clear()
        else:
            self._flowing.set()

    async def wait_flowing(self) -> None:
        await self._flowing.wait()
