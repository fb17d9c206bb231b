"""CSV export through PostgreSQL ``COPY … TO STDOUT`` (F-34): ``;``-separated UTF-8 with a BOM, so
Excel opens it with Cyrillic intact. Text cells that could start a formula get a leading ``'``
(the rule of :mod:`~obzvon_contact_files.exports.safe_cells`, applied in SQL)."""

import uuid
from typing import BinaryIO

import asyncpg

from obzvon_contact_files.exports.safe_cells import SQL_SAFE_TEXT
from obzvon_contact_files.exports.selection import COLUMNS, ExportKind, parameters, select_sql

UTF8_BOM = b"\xef\xbb\xbf"


def _quoted(label: str) -> str:
    return '"' + label.replace('"', '""') + '"'


def _expressions() -> list[str]:
    expressions = []
    for column in COLUMNS:
        value = SQL_SAFE_TEXT.format(col=column.sql) if column.kind == "text" else column.sql
        expressions.append(f"{value} AS {_quoted(column.label)}")
    return expressions


async def export_contacts_csv(
    conn: asyncpg.Connection,
    out: BinaryIO,
    *,
    project_id: uuid.UUID,
    kind: ExportKind,
    base_id: uuid.UUID | None = None,
) -> None:
    """Write the contacts of ``kind`` (one base, or the whole project) to the binary stream ``out``."""
    out.write(UTF8_BOM)

    async def write(data: bytes) -> None:
        out.write(data)

    await conn.copy_from_query(
        select_sql(_expressions()),
        *parameters(project_id, base_id, kind),
        output=write,
        format="csv",
        header=True,
        delimiter=";",
    )
