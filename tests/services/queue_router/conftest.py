"""A queue-router on this run's Postgres and Redis, with its timer loop running and short timeouts.

Events are handed to the router's consumer handler directly (the service over the bus, with pbx-sim
and the other services, is tested in ``tests/acceptance/queue``); commands and events it produces are
read from the outbox.
"""

import asyncio
import contextlib
import uuid
from collections.abc import AsyncIterator

import pytest
import sqlalchemy as sa
from obzvon_db.models import Call
from obzvon_db.session import create_sessionmaker
from obzvon_platform.redis import RedisKeys
from obzvon_queue_router import recovery
from obzvon_queue_router.queue import dispatch
from obzvon_queue_router.queue.router import Router
from obzvon_queue_router.settings import RouterSettings
from obzvon_queue_router.states.heartbeat import Heartbeats
from redis.asyncio import Redis
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker

from tests.services.queue_router.harness import Harness

#: Project timeouts are multiplied by this: an operator timeout of 1 s rings 0.25 s.
SCALE = 0.25
FAST = RouterSettings(timeout_scale=SCALE, retry_seconds=0.0, offer_grace_seconds=0.0, heartbeat_timeout=30.0)


@pytest.fixture(scope="package")
def sessions(db_engine: AsyncEngine) -> async_sessionmaker[AsyncSession]:
    return create_sessionmaker(db_engine)


@pytest.fixture
async def redis(redis_url: str) -> AsyncIterator[Redis]:
    client = Redis.from_url(redis_url, decode_responses=True)
    yield client
    await client.aclose()


@pytest.fixture
async def harness(
    sessions: async_sessionmaker[AsyncSession], redis: Redis, redis_prefix: str
) -> AsyncIterator[Harness]:
    keys = RedisKeys(f"{redis_prefix}:qr:{uuid.uuid4().hex[:8]}")
    router = Router(FAST, sessions, Heartbeats(redis, keys, FAST.heartbeat_timeout))
    async with router.transaction() as db:
        await recovery.rebuild(router, db)
    timers = asyncio.create_task(router.run_timers(lambda db: dispatch.expire(router, db)))
    yield Harness(router, sessions, redis, keys)
    timers.cancel()
    with contextlib.suppress(asyncio.CancelledError):
        await timers
    await end_left_over_calls(sessions)


async def end_left_over_calls(sessions: async_sessionmaker[AsyncSession]) -> None:
    """Calls a test left waiting would rejoin the next test's queues after its rebuild: end them."""
    async with sessions() as db, db.begin():
        await db.execute(sa.update(Call).where(Call.ended_at.is_(None)).values(ended_at=sa.func.now()))
