"""Closes this instance's sockets of ended sessions as soon as any instance publishes the revocation."""

import asyncio

from obzvon_platform.logging import get_logger
from obzvon_platform.redis import RedisKeys
from redis.asyncio import Redis

from obzvon_gateway.auth.revocation import listen_revocations
from obzvon_gateway.ws.hub import CLOSE_SESSION_ENDED, Hub

log = get_logger(__name__)
RETRY_SECONDS = 1.0


async def run_revocation_listener(
    redis: Redis, keys: RedisKeys, hub: Hub, subscribed: asyncio.Event | None = None
) -> None:
    """Run until cancelled; reconnects after Redis errors (the sockets' own re-checks cover the gap)."""
    while True:
        try:
            async for revocation in listen_revocations(redis, keys, subscribed):
                hub.close_user(revocation.user_id, CLOSE_SESSION_ENDED, revocation.session_hash)
        except asyncio.CancelledError:
            raise
        except Exception as exc:
            log.warning("ws.revocation_listener_failed", error=repr(exc))
        await asyncio.sleep(RETRY_SECONDS)
