"""SQL for result statuses."""

import uuid

import sqlalchemy as sa
from obzvon_db.models import ResultStatus
from sqlalchemy.ext.asyncio import AsyncSession


async def list_all(db: AsyncSession, *, active_only: bool) -> list[ResultStatus]:
    statement = sa.select(ResultStatus)
    if active_only:
        statement = statement.where(ResultStatus.is_active)
    return list(await db.scalars(statement.order_by(ResultStatus.name, ResultStatus.id)))


async def get(db: AsyncSession, status_id: uuid.UUID) -> ResultStatus | None:
    return await db.get(ResultStatus, status_id)


async def name_taken(db: AsyncSession, name: str, *, other_than: uuid.UUID | None = None) -> bool:
    statement = sa.select(ResultStatus.id).where(sa.func.lower(ResultStatus.name) == name.lower())
    if other_than is not None:
        statement = statement.where(ResultStatus.id != other_than)
    return await db.scalar(statement.limit(1)) is not None
