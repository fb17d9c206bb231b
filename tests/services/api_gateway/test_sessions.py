"""Server-side sessions in Redis (F-01; ASVS 7.3.1, 7.3.2): idle and absolute timeouts, ending all."""

import time
import uuid
from collections.abc import AsyncIterator

import pytest
import time_machine
from obzvon_gateway.auth.sessions import SessionStore
from obzvon_platform.redis import RedisKeys, create_redis


@pytest.fixture
async def store(redis_url: str, redis_prefix: str) -> AsyncIterator[SessionStore]:
    redis = create_redis(redis_url)
    yield SessionStore(redis, RedisKeys(f"{redis_prefix}:sessions"), idle_seconds=60, absolute_seconds=3600)
    await redis.aclose()


async def test_the_cookie_value_is_never_stored(store: SessionStore) -> None:
    cookie, data = await store.create(uuid.uuid4(), 0, ip="127.0.0.1", user_agent="test")
    keys = [key async for key in store.redis.scan_iter(match=f"{store.keys.prefix}:*")]
    assert keys
    assert not any(cookie in key for key in keys)
    assert data.key_hash != cookie
    loaded = await store.load(cookie)
    assert loaded is not None
    assert (loaded.user_id, loaded.csrf_token) == (data.user_id, data.csrf_token)


async def test_idle_timeout_is_the_keys_ttl_and_use_restarts_it(store: SessionStore) -> None:
    cookie, data = await store.create(uuid.uuid4(), 0, ip="127.0.0.1", user_agent="test")
    key = store.keys.key("session", data.key_hash)
    assert 0 < await store.redis.ttl(key) <= 60
    await store.redis.expire(key, 5)
    await store.load(cookie)
    assert await store.redis.ttl(key) > 5
    await store.load(cookie, touch=False)
    await store.redis.expire(key, 5)
    await store.load(cookie, touch=False)
    assert await store.redis.ttl(key) <= 5


async def test_absolute_timeout_ends_a_busy_session(store: SessionStore) -> None:
    cookie, _ = await store.create(uuid.uuid4(), 0, ip="127.0.0.1", user_agent="test")
    with time_machine.travel(time.time() + 3601, tick=False):
        assert await store.load(cookie) is None
    assert await store.load(cookie) is None  # it was deleted, not just refused


async def test_revoke_all_ends_every_session_of_one_user_only(store: SessionStore) -> None:
    user, other = uuid.uuid4(), uuid.uuid4()
    first, _ = await store.create(user, 0, ip="127.0.0.1", user_agent="a")
    second, _ = await store.create(user, 0, ip="127.0.0.1", user_agent="b")
    others, _ = await store.create(other, 0, ip="127.0.0.1", user_agent="c")
    assert await store.revoke_all(user) == 2
    assert await store.load(first) is None
    assert await store.load(second) is None
    assert await store.load(others) is not None
