"""SQL for the blacklist."""

import uuid
from collections.abc import AsyncIterator, Sequence

import sqlalchemy as sa
from obzvon_db.models import BlacklistEntry
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.ext.asyncio import AsyncSession


def _search(
    statement: sa.Select[tuple[BlacklistEntry]], digits: str | None
) -> sa.Select[tuple[BlacklistEntry]]:
    if digits:
        statement = statement.where(BlacklistEntry.phone.contains(digits, autoescape=True))
    return statement


async def search(
    db: AsyncSession, digits: str | None, *, offset: int, limit: int
) -> tuple[list[BlacklistEntry], int]:
    statement = _search(sa.select(BlacklistEntry), digits)
    total = await db.scalar(sa.select(sa.func.count()).select_from(statement.subquery())) or 0
    rows = await db.scalars(statement.order_by(BlacklistEntry.phone).offset(offset).limit(limit))
    return list(rows), total


async def add_many(
    db: AsyncSession, rows: Sequence[tuple[str, str | None]], created_by: uuid.UUID
) -> list[uuid.UUID]:
    """Insert numbers not yet listed; returns the ids of the new rows."""
    if not rows:
        return []
    values = [{"phone": phone, "comment": comment, "created_by": created_by} for phone, comment in rows]
    result = await db.execute(
        insert(BlacklistEntry)
        .values(values)
        .on_conflict_do_nothing(index_elements=["phone"])
        .returning(BlacklistEntry.id)
    )
    return list(result.scalars())


async def get(db: AsyncSession, entry_id: uuid.UUID) -> BlacklistEntry | None:
    return await db.get(BlacklistEntry, entry_id)


async def by_phone(db: AsyncSession, phone: str) -> BlacklistEntry | None:
    return await db.scalar(sa.select(BlacklistEntry).where(BlacklistEntry.phone == phone))


async def delete(db: AsyncSession, entry: BlacklistEntry) -> None:
    await db.delete(entry)


async def stream_all(db: AsyncSession) -> AsyncIterator[BlacklistEntry]:
    result = await db.stream_scalars(
        sa.select(BlacklistEntry).order_by(BlacklistEntry.phone).execution_options(yield_per=1000)
    )
    async for entry in result:
        yield entry
