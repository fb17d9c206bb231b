"""SQL of tasks (F-54)."""

import uuid
from collections.abc import Iterable

import sqlalchemy as sa
from obzvon_db.models import Contact, Task
from sqlalchemy.ext.asyncio import AsyncSession


async def contact(db: AsyncSession, contact_id: uuid.UUID) -> Contact | None:
    return await db.scalar(sa.select(Contact).where(Contact.id == contact_id, Contact.deleted_at.is_(None)))


async def get(db: AsyncSession, task_id: uuid.UUID) -> Task | None:
    return await db.scalar(
        sa.select(Task).where(Task.id == task_id, Task.deleted_at.is_(None)).with_for_update()
    )


async def add(db: AsyncSession, task: Task) -> Task:
    db.add(task)
    await db.flush()
    await db.refresh(task)
    return task


async def list_tasks(
    db: AsyncSession,
    *,
    operator_ids: Iterable[uuid.UUID] | None,
    project_ids: Iterable[uuid.UUID] | None,
    contact_id: uuid.UUID | None,
    include_done: bool,
    limit: int,
) -> list[Task]:
    query = sa.select(Task).where(Task.deleted_at.is_(None))
    if operator_ids is not None:
        query = query.where(Task.operator_id.in_(list(operator_ids)))
    if project_ids is not None:
        query = query.where(Task.project_id.in_(list(project_ids)))
    if contact_id is not None:
        query = query.where(Task.contact_id == contact_id)
    if not include_done:
        query = query.where(Task.done_at.is_(None))
    return list(await db.scalars(query.order_by(Task.due_at, Task.id).limit(limit)))
