"""SQL of base imports (asyncpg): the base row, tags, blacklist, staging table and the set-based insert.

Contacts are loaded chunk by chunk: COPY into a temporary staging table, then one
``INSERT … SELECT … ON CONFLICT DO NOTHING`` into ``contacts`` (phones are unique among a project's live
contacts), all inside the caller's transaction. Contact ids are UUIDv7 (time-ordered, with the row
number as counter) so the primary-key index grows at its right edge.
"""

import json
import secrets
import time
import uuid
from collections.abc import Sequence
from typing import Any

import asyncpg
from obzvon_db.enums import BaseImportStatus
from obzvon_numbering import normalize_phone

from obzvon_contact_files.imports.rows import STAGING_COLUMNS, StagingRecord

STAGING_TABLE = "contact_import_staging"

_CREATE_STAGING = f"""
CREATE TEMPORARY TABLE IF NOT EXISTS {STAGING_TABLE} (
    row_no integer NOT NULL, phone text NOT NULL, email text, full_name text, position text, city text,
    address text, description text, birth_date date, custom_fields text NOT NULL, region text,
    timezone text, carrier text, status text NOT NULL
) ON COMMIT DROP
"""

_INSERT_CONTACTS = f"""
WITH inserted AS (
    INSERT INTO contacts (
        id, project_id, base_id, phone, email, full_name, position, city, address, description,
        birth_date, custom_fields, region, timezone, carrier, status
    )
    SELECT (($3::text || lpad(to_hex(s.row_no), 12, '0'))::uuid), $1, $2, s.phone, s.email, s.full_name,
           s.position, s.city, s.address, s.description, s.birth_date, s.custom_fields::jsonb, s.region,
           s.timezone, s.carrier, s.status
    FROM {STAGING_TABLE} AS s
    ORDER BY s.row_no
    ON CONFLICT (project_id, phone) WHERE deleted_at IS NULL DO NOTHING
    RETURNING id, phone
), tagged AS (
    INSERT INTO contact_tags (contact_id, tag_id)
    SELECT inserted.id, tag.id FROM inserted CROSS JOIN unnest($4::uuid[]) AS tag(id)
)
SELECT count(*) FROM inserted
"""  # noqa: S608 - constant names only

_EXISTING_IN_PROJECT = f"""
SELECT s.row_no, s.phone FROM {STAGING_TABLE} AS s
WHERE EXISTS (
    SELECT 1 FROM contacts AS c WHERE c.project_id = $1 AND c.phone = s.phone AND c.deleted_at IS NULL
)
ORDER BY s.row_no
"""  # noqa: S608 - constant names only


def uuid7_prefix() -> str:
    """20 hex digits of a UUIDv7 (48-bit ms timestamp, version, 12+14 random bits); the last 12 hex
    digits are the row number, so ids of one import are unique and ascending."""
    millis = time.time_ns() // 1_000_000
    rand_a = secrets.randbits(12)
    rand_b_high = secrets.randbits(14)
    variant_and_rand = (0b10 << 14) | rand_b_high
    return f"{millis:012x}7{rand_a:03x}{variant_and_rand:04x}"


async def create_base(
    conn: asyncpg.Connection,
    *,
    project_id: uuid.UUID,
    name: str,
    file_name: str,
    mapping: dict[str, str],
    uploaded_by: uuid.UUID | None,
) -> uuid.UUID:
    return await conn.fetchval(
        "INSERT INTO contact_bases (project_id, name, file_name, status, column_mapping, uploaded_by) "
        "VALUES ($1, $2, $3, $4, $5::jsonb, $6) RETURNING id",
        project_id,
        name,
        file_name,
        BaseImportStatus.PROCESSING.value,
        json.dumps(mapping, ensure_ascii=False),
        uploaded_by,
    )


async def base_project(conn: asyncpg.Connection, base_id: uuid.UUID) -> uuid.UUID | None:
    project: uuid.UUID | None = await conn.fetchval(
        "SELECT project_id FROM contact_bases WHERE id = $1", base_id
    )
    return project


async def finish_base(
    conn: asyncpg.Connection,
    base_id: uuid.UUID,
    *,
    status: BaseImportStatus,
    counters: dict[str, Any],
    errors: list[dict[str, Any]],
    mapping: dict[str, str] | None,
) -> None:
    await conn.execute(
        """
        UPDATE contact_bases SET status = $2, total_rows = $3, processed_rows = $4, imported_rows = $5,
            rejected_rows = $6, duplicate_rows = $7, blacklisted_rows = $8, error_report = $9::jsonb,
            column_mapping = coalesce($10::jsonb, column_mapping), finished_at = now(), updated_at = now()
        WHERE id = $1
        """,
        base_id,
        status.value,
        counters.get("total_rows", 0),
        counters.get("processed_rows", 0),
        counters.get("imported_rows", 0),
        counters.get("rejected_rows", 0),
        counters.get("duplicate_rows", 0),
        counters.get("blacklisted_rows", 0),
        json.dumps(errors, ensure_ascii=False),
        json.dumps(mapping, ensure_ascii=False) if mapping is not None else None,
    )


async def ensure_tags(conn: asyncpg.Connection, names: Sequence[str]) -> list[uuid.UUID]:
    """Ids of the tags ``names`` (created when missing)."""
    clean = sorted({name.strip() for name in names if name and name.strip()})
    if not clean:
        return []
    await conn.execute(
        "INSERT INTO tags (name) SELECT unnest($1::text[]) ON CONFLICT (name) DO NOTHING", clean
    )
    rows = await conn.fetch("SELECT id FROM tags WHERE name = ANY($1::text[])", clean)
    return [row["id"] for row in rows]


async def tag_base(conn: asyncpg.Connection, base_id: uuid.UUID, tag_ids: list[uuid.UUID]) -> None:
    await conn.execute(
        "INSERT INTO contact_base_tags (base_id, tag_id) SELECT $1, unnest($2::uuid[]) "
        "ON CONFLICT DO NOTHING",
        base_id,
        tag_ids,
    )


async def blacklisted_numbers(conn: asyncpg.Connection) -> set[str]:
    """Every blacklisted number normalised (``8916…``, ``+7 916…`` and ``916…`` all become ``7916…``)."""
    numbers: set[str] = set()
    for row in await conn.fetch("SELECT phone FROM blacklist"):
        normal = normalize_phone(row["phone"])
        numbers.add(normal if isinstance(normal, str) else row["phone"])
    return numbers


async def create_staging(conn: asyncpg.Connection) -> None:
    """The staging table, and enough sort memory for a chunk to be ordered in memory (the default 4 MB
    would spill each chunk to disk); both last until the caller's transaction ends."""
    await conn.execute(_CREATE_STAGING)
    await conn.execute("SET LOCAL work_mem = '64MB'")


async def load_chunk(
    conn: asyncpg.Connection,
    records: list[StagingRecord],
    *,
    project_id: uuid.UUID,
    base_id: uuid.UUID,
    id_prefix: str,
    tag_ids: list[uuid.UUID],
    find_existing: bool,
) -> tuple[int, list[tuple[int, str]]]:
    """Stage and insert one chunk; returns (contacts inserted, rows whose number the project already has)."""
    await conn.copy_records_to_table(STAGING_TABLE, records=records, columns=list(STAGING_COLUMNS))
    existing: list[tuple[int, str]] = []
    if find_existing:
        existing = [
            (row["row_no"], row["phone"]) for row in await conn.fetch(_EXISTING_IN_PROJECT, project_id)
        ]
    inserted = await conn.fetchval(_INSERT_CONTACTS, project_id, base_id, id_prefix, tag_ids)
    await conn.execute(f"TRUNCATE {STAGING_TABLE}")
    return int(inserted), existing


async def stored_errors(conn: asyncpg.Connection, base_id: uuid.UUID) -> list[dict[str, Any]] | None:
    """``contact_bases.error_report`` of a base (None when the base does not exist)."""
    row = await conn.fetchrow("SELECT error_report FROM contact_bases WHERE id = $1", base_id)
    if row is None:
        return None
    stored = row["error_report"]
    if not stored:
        return []
    # A plain asyncpg connection returns jsonb as text; one from an SQLAlchemy pool has it decoded.
    return json.loads(stored) if isinstance(stored, str) else list(stored)
