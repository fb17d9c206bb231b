"""SQL for projects and everything hanging off them."""

import datetime as dt
import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import sqlalchemy as sa
from obzvon_db.enums import UserRole
from obzvon_db.models import (
    CardField,
    Group,
    GroupMember,
    MessageTemplate,
    Project,
    ProjectGroup,
    ProjectIntegration,
    ProjectPinnedStatus,
    ProjectResultStatus,
    ProjectRetryRule,
    ProjectSupervisor,
    ProjectWeekdayInterval,
    ResultStatus,
    Trunk,
    User,
)
from sqlalchemy.ext.asyncio import AsyncSession

#: Rows owned by a project (deleted with it, copied with it), each with a `project_id` column.
CHILD_MODELS: tuple[type, ...] = (
    ProjectSupervisor,
    ProjectGroup,
    ProjectResultStatus,
    ProjectPinnedStatus,
    ProjectWeekdayInterval,
    ProjectRetryRule,
    CardField,
    MessageTemplate,
)


@dataclass
class ListFilter:
    created_from: dt.date | None = None
    created_to: dt.date | None = None
    name: str | None = None
    group_id: uuid.UUID | None = None


def _like(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


async def list_projects(
    db: AsyncSession, ids: Iterable[uuid.UUID] | None, filters: ListFilter | None = None
) -> list[Project]:
    """Projects not deleted, restricted to `ids` unless it is None, by name."""
    statement = sa.select(Project).where(Project.deleted_at.is_(None))
    if ids is not None:
        statement = statement.where(Project.id.in_(list(ids)))
    f = filters or ListFilter()
    if f.created_from is not None:
        start = dt.datetime.combine(f.created_from, dt.time(), dt.UTC)
        statement = statement.where(Project.created_at >= start)
    if f.created_to is not None:
        end = dt.datetime.combine(f.created_to + dt.timedelta(days=1), dt.time(), dt.UTC)
        statement = statement.where(Project.created_at < end)
    if f.name:
        statement = statement.where(Project.name.ilike(_like(f.name), escape="\\"))
    if f.group_id is not None:
        in_group = sa.select(ProjectGroup.project_id).where(ProjectGroup.group_id == f.group_id)
        statement = statement.where(Project.id.in_(in_group))
    return list(await db.scalars(statement.order_by(Project.name, Project.id)))


async def get(db: AsyncSession, project_id: uuid.UUID, *, for_update: bool = False) -> Project | None:
    statement = sa.select(Project).where(Project.id == project_id, Project.deleted_at.is_(None))
    if for_update:
        statement = statement.with_for_update()
    return await db.scalar(statement)


async def groups_of(db: AsyncSession, project_ids: Sequence[uuid.UUID]) -> dict[uuid.UUID, list[Group]]:
    rows = await db.execute(
        sa.select(ProjectGroup.project_id, Group)
        .join(Group, Group.id == ProjectGroup.group_id)
        .where(ProjectGroup.project_id.in_(project_ids))
        .order_by(Group.name)
    )
    found: dict[uuid.UUID, list[Group]] = {}
    for project_id, group in rows:
        found.setdefault(project_id, []).append(group)
    return found


async def supervisors_of(db: AsyncSession, project_ids: Sequence[uuid.UUID]) -> dict[uuid.UUID, list[User]]:
    rows = await db.execute(
        sa.select(ProjectSupervisor.project_id, User)
        .join(User, User.id == ProjectSupervisor.user_id)
        .where(ProjectSupervisor.project_id.in_(project_ids), User.deleted_at.is_(None))
        .order_by(User.full_name)
    )
    found: dict[uuid.UUID, list[User]] = {}
    for project_id, user in rows:
        found.setdefault(project_id, []).append(user)
    return found


async def children(db: AsyncSession, model: type, project_id: uuid.UUID) -> list[object]:
    column = model.project_id  # type: ignore[attr-defined]
    return list(await db.scalars(sa.select(model).where(column == project_id)))


async def delete_children(db: AsyncSession, model: type, project_id: uuid.UUID, **where: object) -> None:
    statement = sa.delete(model).where(model.project_id == project_id)  # type: ignore[attr-defined]
    for name, value in where.items():
        statement = statement.where(getattr(model, name) == value)
    await db.execute(statement)


async def integration(db: AsyncSession, project_id: uuid.UUID, kind: str) -> ProjectIntegration | None:
    return await db.scalar(
        sa.select(ProjectIntegration).where(
            ProjectIntegration.project_id == project_id, ProjectIntegration.kind == kind
        )
    )


async def existing_ids(db: AsyncSession, model: type, ids: Iterable[uuid.UUID]) -> set[uuid.UUID]:
    wanted = list(set(ids))
    if not wanted:
        return set()
    return set(await db.scalars(sa.select(model.id).where(model.id.in_(wanted))))  # type: ignore[attr-defined]


async def active_status_ids(db: AsyncSession, ids: Iterable[uuid.UUID]) -> set[uuid.UUID]:
    wanted = list(set(ids))
    statement = sa.select(ResultStatus.id).where(ResultStatus.id.in_(wanted), ResultStatus.is_active)
    return set(await db.scalars(statement)) if wanted else set()


async def user_ids_with_role(db: AsyncSession, ids: Iterable[uuid.UUID], role: UserRole) -> set[uuid.UUID]:
    wanted = list(set(ids))
    statement = sa.select(User.id).where(
        User.id.in_(wanted), User.role == role, User.deleted_at.is_(None), User.is_active
    )
    return set(await db.scalars(statement)) if wanted else set()


async def members_of_groups(db: AsyncSession, group_ids: Iterable[uuid.UUID]) -> set[uuid.UUID]:
    wanted = list(set(group_ids))
    statement = sa.select(GroupMember.user_id).where(GroupMember.group_id.in_(wanted))
    return set(await db.scalars(statement)) if wanted else set()


async def get_trunk(db: AsyncSession, trunk_id: uuid.UUID) -> Trunk | None:
    return await db.get(Trunk, trunk_id)
