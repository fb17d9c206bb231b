"""Shared fixtures of the import and export tests: an asyncpg connection to the run's database, a
fresh project per test, the numbering index from the registry copy, and writers for upload files."""

import csv
import datetime as dt
import uuid
from collections.abc import AsyncIterator, Sequence
from pathlib import Path

import asyncpg
import pytest
import xlsxwriter
from obzvon_numbering import NumberingIndex
from obzvon_numbering.paths import registry_dir
from sqlalchemy.engine import make_url


@pytest.fixture
async def pg(database_url: str) -> AsyncIterator[asyncpg.Connection]:
    """A plain asyncpg connection (committed data, like the service's)."""
    conn = await asyncpg.connect(make_url(database_url).set(drivername="postgresql").render_as_string(False))
    try:
        yield conn
    finally:
        await conn.close()


@pytest.fixture
async def project_id(pg: asyncpg.Connection) -> AsyncIterator[uuid.UUID]:
    project: uuid.UUID = await pg.fetchval(
        "INSERT INTO projects (name) VALUES ($1) RETURNING id", f"Импорт {uuid.uuid4().hex[:8]}"
    )
    yield project
    await pg.execute("DELETE FROM projects WHERE id = $1", project)


@pytest.fixture(scope="session")
def numbering_index() -> NumberingIndex:
    folder = registry_dir()
    return NumberingIndex.from_files([folder / "DEF-9xx.csv"], folder / "region_tz.csv")


def write_xlsx(path: Path, rows: Sequence[Sequence[object]]) -> Path:
    """A workbook whose first sheet holds ``rows``; strings stay strings, numbers stay numbers."""
    workbook = xlsxwriter.Workbook(str(path), {"strings_to_numbers": False, "strings_to_formulas": False})
    sheet = workbook.add_worksheet("База")
    date_format = workbook.add_format({"num_format": "dd.mm.yyyy"})
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            if isinstance(value, str):
                sheet.write_string(r, c, value)
            elif isinstance(value, dt.date):
                sheet.write_datetime(r, c, value, date_format)
            elif value is not None:
                sheet.write(r, c, value)
    workbook.close()
    return path


def write_csv(
    path: Path, rows: Sequence[Sequence[object]], *, encoding: str = "utf-8", delimiter: str = ";"
) -> Path:
    with path.open("w", encoding=encoding, newline="") as handle:
        csv.writer(handle, delimiter=delimiter).writerows(rows)
    return path
