"""Password hashing (argon2id) and the password policy for new and changed passwords (ASVS 6.2, 11.4.2)."""

import asyncio

from obzvon_platform.problem import Problem
from pwdlib import PasswordHash
from pwdlib.hashers.argon2 import Argon2Hasher

from obzvon_gateway.security.common_passwords import COMMON_PASSWORDS

#: argon2id parameters, above the ASVS floor (t=2, m=19 MiB, p=1).
TIME_COST = 3
MEMORY_COST_KIB = 64 * 1024
PARALLELISM = 1

MIN_LENGTH = 8
MAX_LENGTH = 128


class PasswordHasher:
    """Hashes and verifies passwords with argon2id, off the event loop."""

    def __init__(self, time_cost: int, memory_cost_kib: int, parallelism: int) -> None:
        self.argon2 = Argon2Hasher(time_cost, memory_cost_kib, parallelism)
        self._hash = PasswordHash((self.argon2,))
        self._dummy_hash: str | None = None

    async def hash(self, password: str) -> str:
        return await asyncio.to_thread(self._hash.hash, password)

    async def verify(self, password: str, password_hash: str) -> bool:
        return await asyncio.to_thread(self._hash.verify, password, password_hash)

    async def verify_dummy(self, password: str) -> None:
        """Spend the time of a real check, so an unknown e-mail is not told apart by the answer's timing."""
        if self._dummy_hash is None:
            self._dummy_hash = await self.hash("obzvon-dummy-password")
        await self.verify(password, self._dummy_hash)


def production_hasher() -> PasswordHasher:
    return PasswordHasher(TIME_COST, MEMORY_COST_KIB, PARALLELISM)


def _problem(code: str, ru: str, en: str) -> Problem:
    return Problem(422, code, ru, en, errors=[{"loc": ["body", "password"], "msg": en, "type": code}])


def check_password_policy(password: str) -> None:
    """Length 8–128 characters, no composition rules, not one of the most common passwords."""
    if len(password) < MIN_LENGTH:
        raise _problem(
            "password_too_short",
            f"Пароль должен быть не короче {MIN_LENGTH} символов",
            f"The password must be at least {MIN_LENGTH} characters long",
        )
    if len(password) > MAX_LENGTH:
        raise _problem(
            "password_too_long",
            f"Пароль должен быть не длиннее {MAX_LENGTH} символов",
            f"The password must be at most {MAX_LENGTH} characters long",
        )
    if password.lower() in COMMON_PASSWORDS:
        raise _problem(
            "password_too_common",
            "Этот пароль слишком распространён, выберите другой",
            "This password is too common; choose another one",
        )
