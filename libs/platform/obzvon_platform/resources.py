"""The connections a service holds for its lifetime: Postgres, Redis and RabbitMQ."""

from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field

import aio_pika
from aio_pika.abc import AbstractRobustConnection
from obzvon_db.session import create_engine, create_sessionmaker
from redis.asyncio import Redis
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker

from obzvon_platform.redis import RedisKeys, create_redis
from obzvon_platform.settings import CommonSettings


@dataclass
class Resources:
    settings: CommonSettings
    engine: AsyncEngine
    sessions: async_sessionmaker[AsyncSession]
    redis: Redis
    keys: RedisKeys
    amqp: AbstractRobustConnection | None = None
    #: Service-specific readiness checks (the dialer's AMI link, say), merged into `check()`.
    extra_checks: list[Callable[[], Awaitable[dict[str, str]]]] = field(default_factory=list)

    @classmethod
    async def open(cls, settings: CommonSettings, *, with_amqp: bool = True) -> "Resources":
        engine = create_engine(settings.database_url)
        res = cls(
            settings=settings,
            engine=engine,
            sessions=create_sessionmaker(engine),
            redis=create_redis(settings.redis_url),
            keys=RedisKeys(settings.redis_prefix),
        )
        if with_amqp:
            res.amqp = await aio_pika.connect_robust(
                settings.amqp_url, client_properties={"connection_name": "obzvon"}
            )
        return res

    async def close(self) -> None:
        if self.amqp is not None:
            await self.amqp.close()
        await self.redis.aclose()
        await self.engine.dispose()

    async def check(self) -> dict[str, str]:
        """Readiness of each dependency: "ok" or the error's text."""
        result: dict[str, str] = {}
        try:
            async with self.engine.connect() as conn:
                await conn.execute(text("SELECT 1"))
            result["postgres"] = "ok"
        except Exception as exc:
            result["postgres"] = f"error: {exc.__class__.__name__}"
        try:
            await self.redis.ping()
            result["redis"] = "ok"
        except Exception as exc:
            result["redis"] = f"error: {exc.__class__.__name__}"
        if self.amqp is not None:
            result["rabbitmq"] = "ok" if not self.amqp.is_closed else "error: disconnected"
        for extra in self.extra_checks:
            result.update(await extra())
        return result
