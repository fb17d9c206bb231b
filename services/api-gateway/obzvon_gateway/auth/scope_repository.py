"""SQL behind the RBAC scopes: which projects a supervisor or operator belongs to, and whose operators."""

import uuid
from collections.abc import Iterable

import sqlalchemy as sa
from obzvon_db.enums import UserRole
from obzvon_db.models import GroupMember, Project, ProjectGroup, ProjectSupervisor, User
from sqlalchemy.ext.asyncio import AsyncSession


async def supervised_project_ids(db: AsyncSession, supervisor_id: uuid.UUID) -> frozenset[uuid.UUID]:
    rows = await db.scalars(
        sa.select(ProjectSupervisor.project_id)
        .join(Project, Project.id == ProjectSupervisor.project_id)
        .where(ProjectSupervisor.user_id == supervisor_id, Project.deleted_at.is_(None))
    )
    return frozenset(rows)


async def member_project_ids(db: AsyncSession, user_id: uuid.UUID) -> frozenset[uuid.UUID]:
    """Projects whose groups the user belongs to."""
    rows = await db.scalars(
        sa.select(ProjectGroup.project_id)
        .join(GroupMember, GroupMember.group_id == ProjectGroup.group_id)
        .join(Project, Project.id == ProjectGroup.project_id)
        .where(GroupMember.user_id == user_id, Project.deleted_at.is_(None))
        .distinct()
    )
    return frozenset(rows)


async def operator_ids_of_projects(
    db: AsyncSession, project_ids: Iterable[uuid.UUID]
) -> frozenset[uuid.UUID]:
    """Operators (not deleted) in the groups of the given projects."""
    ids = list(project_ids)
    if not ids:
        return frozenset()
    rows = await db.scalars(
        sa.select(GroupMember.user_id)
        .join(ProjectGroup, ProjectGroup.group_id == GroupMember.group_id)
        .join(User, User.id == GroupMember.user_id)
        .where(ProjectGroup.project_id.in_(ids), User.role == UserRole.OPERATOR, User.deleted_at.is_(None))
        .distinct()
    )
    return frozenset(rows)


async def supervisor_ids_of_operator(db: AsyncSession, operator_id: uuid.UUID) -> frozenset[uuid.UUID]:
    """Supervisors of the projects whose groups the operator belongs to."""
    rows = await db.scalars(
        sa.select(ProjectSupervisor.user_id)
        .join(ProjectGroup, ProjectGroup.project_id == ProjectSupervisor.project_id)
        .join(GroupMember, GroupMember.group_id == ProjectGroup.group_id)
        .join(Project, Project.id == ProjectSupervisor.project_id)
        .where(GroupMember.user_id == operator_id, Project.deleted_at.is_(None))
        .distinct()
    )
    return frozenset(rows)


async def supervisor_ids_of_project(db: AsyncSession, project_id: uuid.UUID) -> frozenset[uuid.UUID]:
    """Supervisors assigned to the project (none once it is deleted)."""
    rows = await db.scalars(
        sa.select(ProjectSupervisor.user_id)
        .join(Project, Project.id == ProjectSupervisor.project_id)
        .where(ProjectSupervisor.project_id == project_id, Project.deleted_at.is_(None))
    )
    return frozenset(rows)
