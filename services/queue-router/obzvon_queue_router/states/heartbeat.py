"""Operators' signs of life: the gateway's WebSocket writes ``<prefix>:heartbeat:<user id>`` = the Unix
time of the last ping (with a TTL); queue-router reads it. Redis is only a cache here: a missing key
means "not heard from", which is the safe answer."""

import time
import uuid
from collections.abc import Callable, Iterable

from obzvon_platform.redis import RedisKeys
from redis.asyncio import Redis


class Heartbeats:
    def __init__(
        self, redis: Redis, keys: RedisKeys, timeout: float, clock: Callable[[], float] = time.time
    ) -> None:
        self.redis = redis
        self.keys = keys
        self.timeout = timeout
        self.clock = clock

    def key(self, operator_id: uuid.UUID) -> str:
        return self.keys.key("heartbeat", operator_id)

    async def alive(self, operator_ids: Iterable[uuid.UUID]) -> set[uuid.UUID]:
        """The operators heard from within the timeout."""
        ids = list(operator_ids)
        if not ids:
            return set()
        values = await self.redis.mget([self.key(i) for i in ids])
        now = self.clock()
        alive = set()
        for operator_id, value in zip(ids, values, strict=True):
            try:
                seen = float(value) if value is not None else None
            except ValueError:
                seen = None
            if seen is not None and now - seen < self.timeout:
                alive.add(operator_id)
        return alive
