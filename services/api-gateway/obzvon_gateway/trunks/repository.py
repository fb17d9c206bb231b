"""SQL for trunks."""

import uuid

import sqlalchemy as sa
from obzvon_db.models import Project, Trunk, User
from sqlalchemy.ext.asyncio import AsyncSession


async def list_all(db: AsyncSession) -> list[Trunk]:
    return list(await db.scalars(sa.select(Trunk).order_by(Trunk.name, Trunk.id)))


async def get(db: AsyncSession, trunk_id: uuid.UUID, *, for_update: bool = False) -> Trunk | None:
    statement = sa.select(Trunk).where(Trunk.id == trunk_id)
    if for_update:
        statement = statement.with_for_update()
    return await db.scalar(statement)


async def name_taken(db: AsyncSession, name: str, *, other_than: uuid.UUID | None) -> bool:
    statement = sa.select(Trunk.id).where(sa.func.lower(Trunk.name) == name.lower())
    if other_than is not None:
        statement = statement.where(Trunk.id != other_than)
    return await db.scalar(statement.limit(1)) is not None


async def project_exists(db: AsyncSession, project_id: uuid.UUID) -> bool:
    found = await db.scalar(
        sa.select(Project.id).where(Project.id == project_id, Project.deleted_at.is_(None)).limit(1)
    )
    return found is not None


async def usage(db: AsyncSession, trunk_id: uuid.UUID) -> tuple[int, int]:
    """(projects, users) not deleted that still use the trunk."""
    projects = await db.scalar(
        sa.select(sa.func.count())
        .select_from(Project)
        .where(Project.trunk_id == trunk_id, Project.deleted_at.is_(None))
    )
    users = await db.scalar(
        sa.select(sa.func.count())
        .select_from(User)
        .where(User.trunk_id == trunk_id, User.deleted_at.is_(None))
    )
    return int(projects or 0), int(users or 0)


async def delete(db: AsyncSession, trunk: Trunk) -> None:
    await db.delete(trunk)
    await db.flush()
