"""Login throttling in Redis (ASVS 6.1.1, 6.3.1): fixed-window failure counters per account+address and
per address. No counter is kept per account alone, so nobody can lock a real user out from elsewhere."""

from dataclasses import dataclass

from obzvon_platform.problem import Problem
from obzvon_platform.redis import RedisKeys
from redis.asyncio import Redis

from obzvon_gateway.security.tokens import sha256_hex


@dataclass
class LoginRateLimiter:
    redis: Redis
    keys: RedisKeys
    window_seconds: int
    max_per_account: int
    max_per_ip: int

    def _account_key(self, email: str, ip: str) -> str:
        return self.keys.key("login_failures", "account", sha256_hex(email.strip().lower())[:32], ip)

    def _ip_key(self, ip: str) -> str:
        return self.keys.key("login_failures", "ip", ip)

    async def check(self, email: str, ip: str) -> None:
        """Raise 429 with Retry-After when either counter has reached its limit."""
        account_key, ip_key = self._account_key(email, ip), self._ip_key(ip)
        async with self.redis.pipeline(transaction=False) as pipe:
            pipe.get(account_key)
            pipe.get(ip_key)
            pipe.ttl(account_key)
            pipe.ttl(ip_key)
            account, per_ip, account_ttl, ip_ttl = await pipe.execute()
        waits = []
        if int(account or 0) >= self.max_per_account:
            waits.append(account_ttl)
        if int(per_ip or 0) >= self.max_per_ip:
            waits.append(ip_ttl)
        if waits:
            retry_after = max(1, *(int(w) for w in waits))
            raise Problem(
                429,
                "too_many_login_attempts",
                "Слишком много неудачных попыток входа. Повторите позже",
                "Too many failed login attempts. Try again later",
                headers={"Retry-After": str(retry_after)},
            )

    async def record_failure(self, email: str, ip: str) -> None:
        async with self.redis.pipeline(transaction=True) as pipe:
            for key in (self._account_key(email, ip), self._ip_key(ip)):
                pipe.incr(key)
                pipe.expire(key, self.window_seconds, nx=True)
            await pipe.execute()

    async def record_success(self, email: str, ip: str) -> None:
        """A correct password clears the account+address counter (the per-address one stays)."""
        await self.redis.delete(self._account_key(email, ip))
