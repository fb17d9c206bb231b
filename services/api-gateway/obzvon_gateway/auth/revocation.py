"""Tells every gateway instance that sessions ended, so open WebSockets close at once.

Messages go over a Redis pub/sub channel: `{"user_id": ..., "session": <hash> | null}` (null: all of the
user's sessions). Sockets also re-check their session periodically, so a lost message only delays.
"""

import asyncio
import json
import uuid
from collections.abc import AsyncIterator
from dataclasses import dataclass

from obzvon_platform.redis import RedisKeys
from redis.asyncio import Redis


@dataclass(frozen=True)
class Revocation:
    user_id: uuid.UUID
    session_hash: str | None


def revocation_channel(keys: RedisKeys) -> str:
    return keys.key("sessions_revoked")


async def publish_revocation(
    redis: Redis, keys: RedisKeys, user_id: uuid.UUID, session_hash: str | None = None
) -> None:
    message = json.dumps({"user_id": str(user_id), "session": session_hash})
    await redis.publish(revocation_channel(keys), message)


async def listen_revocations(
    redis: Redis, keys: RedisKeys, subscribed: asyncio.Event | None = None
) -> AsyncIterator[Revocation]:
    """Yield revocations as they are published, until cancelled; `subscribed` is set once listening."""
    pubsub = redis.pubsub(ignore_subscribe_messages=True)
    await pubsub.subscribe(revocation_channel(keys))
    if subscribed is not None:
        subscribed.set()
    try:
        async for message in pubsub.listen():
            try:
                body = json.loads(message["data"])
                yield Revocation(uuid.UUID(body["user_id"]), body.get("session"))
            except (KeyError, TypeError, ValueError):
                continue
    finally:
        await pubsub.aclose()
