"""Redis client creation and key naming under one prefix (so test runs never collide)."""

from redis.asyncio import Redis


def create_redis(url: str) -> "Redis":
    return Redis.from_url(url, decode_responses=True)


class RedisKeys:
    """Builds namespaced keys: `RedisKeys("obzvon").key("session", sid)` → `obzvon:session:<sid>`."""

    def __init__(self, prefix: str) -> None:
        self.prefix = prefix

    def key(self, *parts: object) -> str:
        return ":".join([self.prefix, *(str(p) for p in parts)])
