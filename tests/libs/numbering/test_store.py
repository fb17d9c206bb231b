"""F-32: the registry goes into numbering_ranges by COPY, replacing the table atomically."""

import dataclasses
from collections.abc import AsyncIterator
from pathlib import Path

import asyncpg
import pytest
from obzvon_numbering import store
from obzvon_numbering.registry_csv import NumberingRecord, load_records
from sqlalchemy.engine import make_url


@pytest.fixture
async def conn(database_url: str) -> AsyncIterator[asyncpg.Connection]:
    connection = await asyncpg.connect(
        make_url(database_url).set(drivername="postgresql").render_as_string(False)
    )
    try:
        yield connection
    finally:
        await connection.execute("DELETE FROM numbering_ranges")
        await connection.close()


@pytest.fixture(scope="module")
def def_records(numbering_dir: Path) -> list[NumberingRecord]:
    return load_records([numbering_dir / "DEF-9xx.csv"], numbering_dir / "region_tz.csv")


async def test_import_then_lookup_from_db(
    conn: asyncpg.Connection, def_records: list[NumberingRecord]
) -> None:
    assert await store.replace_ranges(conn, def_records) == len(def_records)
    assert await store.count_ranges(conn) == len(def_records)
    info = await store.lookup(conn, "79171959395")
    assert info is not None and (info.region, info.timezone) == ("Астраханская обл.", "Europe/Astrakhan")
    assert await store.lookup(conn, "79400000000") is None
    index = await store.load_index(conn)
    assert len(index) == len(def_records)
    assert index.lookup("79171959395") == info


async def test_a_failed_replacement_keeps_the_old_ranges(
    conn: asyncpg.Connection, def_records: list[NumberingRecord]
) -> None:
    await store.replace_ranges(conn, def_records)
    broken = [
        *def_records[:100],
        dataclasses.replace(def_records[0], code=5),
    ]  # violates code BETWEEN 100 AND 999
    with pytest.raises(asyncpg.CheckViolationError):
        await store.replace_ranges(conn, broken)
    assert await store.count_ranges(conn) == len(def_records)


async def test_a_second_import_replaces_the_first(
    conn: asyncpg.Connection, def_records: list[NumberingRecord]
) -> None:
    await store.replace_ranges(conn, def_records)
    await store.replace_ranges(conn, def_records[:10])
    assert await store.count_ranges(conn) == 10
