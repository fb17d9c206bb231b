"""SQL for user groups and their members."""

import uuid
from collections.abc import Iterable

import sqlalchemy as sa
from obzvon_db.enums import UserRole
from obzvon_db.models import Group, GroupMember, Project, ProjectGroup, ProjectSupervisor, User
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.ext.asyncio import AsyncSession


async def list_groups(db: AsyncSession, ids: Iterable[uuid.UUID] | None) -> list[Group]:
    statement = sa.select(Group)
    if ids is not None:
        statement = statement.where(Group.id.in_(list(ids)))
    return list(await db.scalars(statement.order_by(Group.name, Group.id)))


async def get(db: AsyncSession, group_id: uuid.UUID, *, for_update: bool = False) -> Group | None:
    statement = sa.select(Group).where(Group.id == group_id)
    if for_update:
        statement = statement.with_for_update()
    return await db.scalar(statement)


async def name_taken(db: AsyncSession, name: str, *, other_than: uuid.UUID | None = None) -> bool:
    statement = sa.select(Group.id).where(sa.func.lower(Group.name) == name.lower())
    if other_than is not None:
        statement = statement.where(Group.id != other_than)
    return await db.scalar(statement.limit(1)) is not None


async def supervised_group_ids(db: AsyncSession, supervisor_id: uuid.UUID) -> frozenset[uuid.UUID]:
    """Groups working in the supervisor's projects (not deleted)."""
    rows = await db.scalars(
        sa.select(ProjectGroup.group_id)
        .join(ProjectSupervisor, ProjectSupervisor.project_id == ProjectGroup.project_id)
        .join(Project, Project.id == ProjectGroup.project_id)
        .where(ProjectSupervisor.user_id == supervisor_id, Project.deleted_at.is_(None))
        .distinct()
    )
    return frozenset(rows)


async def member_group_ids(db: AsyncSession, user_id: uuid.UUID) -> frozenset[uuid.UUID]:
    return frozenset(await db.scalars(sa.select(GroupMember.group_id).where(GroupMember.user_id == user_id)))


async def members(db: AsyncSession, group_ids: list[uuid.UUID]) -> dict[uuid.UUID, list[User]]:
    rows = await db.execute(
        sa.select(GroupMember.group_id, User)
        .join(User, User.id == GroupMember.user_id)
        .where(GroupMember.group_id.in_(group_ids), User.deleted_at.is_(None))
        .order_by(User.full_name, User.id)
    )
    found: dict[uuid.UUID, list[User]] = {}
    for group_id, user in rows:
        found.setdefault(group_id, []).append(user)
    return found


async def operator_ids(db: AsyncSession, user_ids: Iterable[uuid.UUID]) -> set[uuid.UUID]:
    wanted = list(set(user_ids))
    statement = sa.select(User.id).where(
        User.id.in_(wanted), User.role == UserRole.OPERATOR, User.deleted_at.is_(None)
    )
    return set(await db.scalars(statement))


async def add_members(db: AsyncSession, group_id: uuid.UUID, user_ids: Iterable[uuid.UUID]) -> None:
    rows = [{"group_id": group_id, "user_id": u} for u in set(user_ids)]
    if rows:
        await db.execute(insert(GroupMember).values(rows).on_conflict_do_nothing())


async def remove_member(db: AsyncSession, group_id: uuid.UUID, user_id: uuid.UUID) -> bool:
    result = await db.execute(
        sa.delete(GroupMember).where(GroupMember.group_id == group_id, GroupMember.user_id == user_id)
    )
    return bool(getattr(result, "rowcount", 0))


async def delete(db: AsyncSession, group: Group) -> None:
    await db.delete(group)
