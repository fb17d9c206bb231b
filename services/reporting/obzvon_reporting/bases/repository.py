"""SQL of the import runner: the base's status, the numbering index, and one lock per base."""

import json
import uuid

import asyncpg
from obzvon_db.enums import BaseImportStatus
from obzvon_numbering import NumberingIndex
from obzvon_numbering.store import count_ranges, load_index


def lock_key(base_id: uuid.UUID) -> int:
    """The advisory-lock key of a base (64 bits of its id)."""
    return int.from_bytes(base_id.bytes[:8], "big", signed=True)


async def try_lock(conn: asyncpg.Connection, base_id: uuid.UUID) -> bool:
    """Take the base's session-level advisory lock; False when another import holds it."""
    return bool(await conn.fetchval("SELECT pg_try_advisory_lock($1)", lock_key(base_id)))


async def unlock(conn: asyncpg.Connection, base_id: uuid.UUID) -> None:
    await conn.execute("SELECT pg_advisory_unlock($1)", lock_key(base_id))


async def status_of(
    conn: asyncpg.Connection, base_id: uuid.UUID, project_id: uuid.UUID
) -> BaseImportStatus | None:
    value = await conn.fetchval(
        "SELECT status FROM contact_bases WHERE id = $1 AND project_id = $2", base_id, project_id
    )
    return None if value is None else BaseImportStatus(value)


async def numbering_index(conn: asyncpg.Connection) -> NumberingIndex | None:
    """The registry as loaded by ``obzvon numbering import``; None when it was never loaded."""
    if await count_ranges(conn) == 0:
        return None
    return await load_index(conn)


async def mark_failed(conn: asyncpg.Connection, base_id: uuid.UUID, error: dict[str, str]) -> None:
    """A base that cannot be imported at all: failed, with the reason as its report (never a ready one)."""
    await conn.execute(
        "UPDATE contact_bases SET status = $2, error_report = $3::jsonb, finished_at = now(), "
        "updated_at = now() WHERE id = $1 AND status <> $4",
        base_id,
        BaseImportStatus.FAILED.value,
        json.dumps([error], ensure_ascii=False),
        BaseImportStatus.READY.value,
    )
