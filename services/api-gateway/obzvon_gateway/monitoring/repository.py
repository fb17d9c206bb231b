"""SQL of live monitoring: operators' open intervals and the calls waiting for an operator (the same rule
queue-router rebuilds its queues by: answered, not connected, not ended, not a manual call)."""

import datetime as dt
import uuid

import sqlalchemy as sa
from obzvon_db.enums import AttemptState, CallType, UserRole
from obzvon_db.models import Attempt, Call, GroupMember, OperatorStateInterval, Project, ProjectGroup, User
from sqlalchemy.ext.asyncio import AsyncSession

OSI = OperatorStateInterval


async def projects(
    db: AsyncSession, project_ids: frozenset[uuid.UUID] | None, only: uuid.UUID | None
) -> list[Project]:
    query = sa.select(Project).where(Project.deleted_at.is_(None))
    if project_ids is not None:
        query = query.where(Project.id.in_(list(project_ids)))
    if only is not None:
        query = query.where(Project.id == only)
    return list(await db.scalars(query.order_by(Project.name)))


async def operators(
    db: AsyncSession, project_ids: list[uuid.UUID]
) -> list[tuple[User, OperatorStateInterval | None]]:
    members = (
        sa.select(GroupMember.user_id)
        .join(ProjectGroup, ProjectGroup.group_id == GroupMember.group_id)
        .where(ProjectGroup.project_id.in_(project_ids))
    )
    rows = await db.execute(
        sa.select(User, OSI)
        .outerjoin(OSI, sa.and_(OSI.operator_id == User.id, OSI.ended_at.is_(None)))
        .where(User.id.in_(members), User.role == UserRole.OPERATOR, User.deleted_at.is_(None))
        .order_by(User.full_name, User.id)
    )
    return [(row[0], row[1]) for row in rows]


async def waiting_calls(db: AsyncSession, project_ids: list[uuid.UUID]) -> list[Call]:
    attempt_state = sa.select(Attempt.state).where(Attempt.id == Call.id).scalar_subquery()
    rows = await db.scalars(
        sa.select(Call)
        .where(
            Call.project_id.in_(project_ids),
            Call.answered_at.is_not(None),
            Call.connected_at.is_(None),
            Call.ended_at.is_(None),
            Call.call_type != CallType.MANUAL,
            sa.or_(attempt_state == AttemptState.ANSWERED, attempt_state.is_(None)),
            ~sa.exists().where(OSI.call_id == Call.id, OSI.ended_at.is_(None), OSI.state != "ringing"),
        )
        .order_by(Call.answered_at, Call.id)
    )
    return list(rows)


async def database_now(db: AsyncSession) -> dt.datetime:
    now = await db.scalar(sa.select(sa.func.now()))
    assert isinstance(now, dt.datetime)
    return now
