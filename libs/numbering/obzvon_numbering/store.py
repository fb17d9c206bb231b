"""The ``numbering_ranges`` table: atomic replacement by COPY, loading the index, single lookups.

Functions take an asyncpg connection (``postgresql://`` DSN, not the SQLAlchemy URL form).
"""

from collections.abc import Sequence

import asyncpg

from obzvon_numbering.index import NumberInfo, NumberingIndex
from obzvon_numbering.registry_csv import NumberingRecord

TABLE = "numbering_ranges"
COLUMNS = ("code", "range_from", "range_to", "carrier", "inn", "region", "territory", "timezone")


async def replace_ranges(conn: asyncpg.Connection, records: Sequence[NumberingRecord]) -> int:
    """Replace the whole table with ``records`` in one transaction; readers see the old ranges until
    the commit, and a failure leaves them untouched. Returns the number of ranges loaded."""
    async with conn.transaction():
        await conn.execute("DELETE FROM numbering_ranges")
        await conn.copy_records_to_table(
            TABLE,
            records=[tuple(getattr(record, column) for column in COLUMNS) for record in records],
            columns=list(COLUMNS),
        )
    return len(records)


async def count_ranges(conn: asyncpg.Connection) -> int:
    return int(await conn.fetchval("SELECT count(*) FROM numbering_ranges"))


async def load_index(conn: asyncpg.Connection) -> NumberingIndex:
    """The in-memory index of every range in the table."""
    rows = await conn.fetch(
        "SELECT code, range_from, range_to, carrier, inn, region, territory, timezone FROM numbering_ranges"
    )
    return NumberingIndex(NumberingRecord(**dict(row)) for row in rows)


async def lookup(conn: asyncpg.Connection, number: str) -> NumberInfo | None:
    """One index probe for a normalised ``7NNNNNNNNNN`` number (no in-memory index needed)."""
    if len(number) != 11 or number[0] != "7" or not (number.isascii() and number.isdigit()):
        return None
    national = int(number[1:])
    row = await conn.fetchrow(
        "SELECT region, timezone, carrier, inn, territory, range_to FROM numbering_ranges "
        "WHERE range_from <= $1 ORDER BY range_from DESC LIMIT 1",
        national,
    )
    if row is None or row["range_to"] < national:
        return None
    return NumberInfo(row["region"], row["timezone"], row["carrier"], row["inn"], row["territory"])
