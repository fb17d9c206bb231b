"""XLSX export with xlsxwriter in ``constant_memory`` mode (F-34): rows stream from a server-side cursor
in batches, each batch written in a worker thread. Every text cell goes through ``write_string``, so a
value like ``=HYPERLINK(…)`` stays text and never becomes a formula."""

import asyncio
import uuid
from pathlib import Path
from typing import BinaryIO

import asyncpg
import xlsxwriter
from xlsxwriter.worksheet import Worksheet

from obzvon_contact_files.exports.selection import COLUMNS, ExportKind, parameters, select_sql

BATCH_ROWS = 5_000
_OPTIONS = {
    "constant_memory": True,
    "strings_to_formulas": False,
    "strings_to_urls": False,
    "strings_to_numbers": False,
}
_KINDS = [column.kind for column in COLUMNS]


def _write_rows(sheet: Worksheet, first_row: int, rows: list[asyncpg.Record]) -> None:
    for offset, record in enumerate(rows):
        row = first_row + offset
        for col, kind in enumerate(_KINDS):
            value = record[col]
            if value is None:
                continue
            if kind == "number":
                sheet.write_number(row, col, value)
            else:
                sheet.write_string(row, col, str(value))


async def export_contacts_xlsx(
    conn: asyncpg.Connection,
    out: Path | BinaryIO,
    *,
    project_id: uuid.UUID,
    kind: ExportKind,
    base_id: uuid.UUID | None = None,
    sheet_name: str = "Контакты",
) -> int:
    """Write the contacts of ``kind`` to ``out`` (a path or a binary stream); returns the row count."""
    workbook = xlsxwriter.Workbook(out, _OPTIONS)
    try:
        sheet = workbook.add_worksheet(sheet_name)
        bold = workbook.add_format({"bold": True})
        for col, column in enumerate(COLUMNS):
            sheet.write_string(0, col, column.label, bold)
        written = 0
        async with conn.transaction():
            cursor = await conn.cursor(
                select_sql([column.sql for column in COLUMNS]), *parameters(project_id, base_id, kind)
            )
            while rows := await cursor.fetch(BATCH_ROWS):
                await asyncio.to_thread(_write_rows, sheet, written + 1, rows)
                written += len(rows)
    finally:
        await asyncio.to_thread(workbook.close)
    return written
