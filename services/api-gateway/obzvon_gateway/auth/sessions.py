"""Server-side sessions in Redis (ASVS 7.2–7.4).

The cookie carries a random 256-bit id; Redis keeps only its SHA-256 as `session:<hash>` (a hash with the
user id, the user's `session_version` at login, the CSRF token and the start time) whose TTL is the idle
timeout, plus `user_sessions:<user id>`, the set of a user's session hashes, so all of them can be ended
at once. A session also ends at its absolute timeout, and when the user's `session_version` moves on.
"""

import time
import uuid
from dataclasses import dataclass

from obzvon_platform.redis import RedisKeys
from redis.asyncio import Redis
from redis.typing import EncodableT, FieldT

from obzvon_gateway.security.tokens import new_secret, sha256_hex


@dataclass(frozen=True)
class SessionData:
    key_hash: str
    user_id: uuid.UUID
    session_version: int
    csrf_token: str
    created_at: float


@dataclass
class SessionStore:
    redis: Redis
    keys: RedisKeys
    idle_seconds: int
    absolute_seconds: int

    def _session_key(self, key_hash: str) -> str:
        return self.keys.key("session", key_hash)

    def _user_key(self, user_id: uuid.UUID) -> str:
        return self.keys.key("user_sessions", user_id)

    async def create(
        self, user_id: uuid.UUID, session_version: int, *, ip: str, user_agent: str
    ) -> tuple[str, SessionData]:
        """Start a session; returns the cookie value (shown to nobody else) and the stored data."""
        token = new_secret()
        data = SessionData(sha256_hex(token), user_id, session_version, new_secret(), time.time())
        mapping: dict[FieldT, EncodableT] = {
            "user_id": str(user_id),
            "session_version": str(session_version),
            "csrf": data.csrf_token,
            "created_at": repr(data.created_at),
            "ip": ip,
            "user_agent": user_agent[:256],
        }
        async with self.redis.pipeline(transaction=True) as pipe:
            pipe.hset(self._session_key(data.key_hash), mapping=mapping)
            pipe.expire(self._session_key(data.key_hash), self.idle_seconds)
            pipe.sadd(self._user_key(user_id), data.key_hash)
            pipe.expire(self._user_key(user_id), self.absolute_seconds)
            await pipe.execute()
        return token, data

    async def load(self, token: str, *, touch: bool = True) -> SessionData | None:
        """The live session for a cookie value, or None; `touch` restarts the idle timeout."""
        return await self.load_by_hash(sha256_hex(token), touch=touch)

    async def load_by_hash(self, key_hash: str, *, touch: bool = True) -> SessionData | None:
        key = self._session_key(key_hash)
        raw = {str(k): str(v) for k, v in (await self.redis.hgetall(key)).items()}
        if not raw:
            return None
        try:
            data = SessionData(
                key_hash,
                uuid.UUID(raw["user_id"]),
                int(raw["session_version"]),
                raw["csrf"],
                float(raw["created_at"]),
            )
        except (KeyError, ValueError):
            await self.redis.delete(key)
            return None
        remaining = data.created_at + self.absolute_seconds - time.time()
        if remaining <= 0:
            await self.revoke(data)
            return None
        if touch:
            await self.redis.expire(key, max(1, int(min(self.idle_seconds, remaining))))
        return data

    async def revoke(self, data: SessionData) -> None:
        async with self.redis.pipeline(transaction=True) as pipe:
            pipe.delete(self._session_key(data.key_hash))
            pipe.srem(self._user_key(data.user_id), data.key_hash)
            await pipe.execute()

    async def revoke_all(self, user_id: uuid.UUID) -> int:
        """End every session of a user; returns how many were live."""
        user_key = self._user_key(user_id)
        hashes = [str(h) for h in await self.redis.smembers(user_key)]
        async with self.redis.pipeline(transaction=True) as pipe:
            for key_hash in hashes:
                pipe.delete(self._session_key(key_hash))
            pipe.delete(user_key)
            results = await pipe.execute()
        return sum(int(r) for r in results[:-1])

    async def exists(self, key_hash: str) -> bool:
        return bool(await self.redis.exists(self._session_key(key_hash)))
