"""SQL for projects."""

import uuid
from collections.abc import Iterable

import sqlalchemy as sa
from obzvon_db.models import Project
from sqlalchemy.ext.asyncio import AsyncSession


async def list_projects(db: AsyncSession, ids: Iterable[uuid.UUID] | None) -> list[Project]:
    """Projects not deleted, restricted to `ids` unless it is None, by name."""
    statement = sa.select(Project).where(Project.deleted_at.is_(None))
    if ids is not None:
        statement = statement.where(Project.id.in_(list(ids)))
    return list(await db.scalars(statement.order_by(Project.name, Project.id)))


async def get(db: AsyncSession, project_id: uuid.UUID) -> Project | None:
    return await db.scalar(sa.select(Project).where(Project.id == project_id, Project.deleted_at.is_(None)))
