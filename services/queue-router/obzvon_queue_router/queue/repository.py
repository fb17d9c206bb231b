"""SQL for the queue: project settings, the project's operators in list order with what each strategy
needs, pinned contacts (F-25), callbacks' operators (F-46) and the calls that wait after a restart
(I4)."""

import datetime as dt
import uuid
from dataclasses import dataclass
from zoneinfo import ZoneInfo

import sqlalchemy as sa
from obzvon_db.enums import AttemptState, CallDirection, CallType, OperatorState, QueueStrategy, UserRole
from obzvon_db.models import (
    Attempt,
    Call,
    Contact,
    GroupMember,
    OperatorStateInterval,
    Project,
    ProjectGroup,
    ProjectPinnedStatus,
    User,
)
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.ext.asyncio import AsyncSession

from obzvon_queue_router.queue.strategies import Member

OSI = OperatorStateInterval


@dataclass(frozen=True)
class QueueSettings:
    project_id: uuid.UUID
    strategy: QueueStrategy
    queue_timeout_s: int
    operator_timeout_s: int
    auto_answer: bool
    timezone: str


@dataclass(frozen=True)
class Operator:
    """A project member with the current state (None: never had one) and strategy metrics."""

    operator_id: uuid.UUID
    extension: str
    state: OperatorState | None
    last_call_ended_at: dt.datetime | None
    calls_taken: int

    def member(self, available: bool) -> Member:
        return Member(self.operator_id, available, self.last_call_ended_at, self.calls_taken)


async def queue_settings(db: AsyncSession, project_id: uuid.UUID) -> QueueSettings | None:
    project = await db.get(Project, project_id)
    if project is None or project.deleted_at is not None:
        return None
    return QueueSettings(
        project_id=project.id,
        strategy=QueueStrategy(project.strategy),
        queue_timeout_s=project.queue_timeout_s,
        operator_timeout_s=project.operator_timeout_s,
        auto_answer=project.auto_answer,
        timezone=project.timezone,
    )


def _day_start(timezone: str, now: dt.datetime) -> dt.datetime:
    try:
        zone = ZoneInfo(timezone)
    except (KeyError, ValueError):
        zone = ZoneInfo("UTC")
    local = now.astimezone(zone)
    return local.replace(hour=0, minute=0, second=0, microsecond=0)


async def project_operators(db: AsyncSession, settings: QueueSettings) -> list[Operator]:
    """Operators with an extension in the project's groups, in the stable list order: the order the
    groups were linked to the project, then the order operators joined, then name and id."""
    now = dt.datetime.now(dt.UTC)
    links = await db.execute(
        sa.select(GroupMember.user_id)
        .join(ProjectGroup, ProjectGroup.group_id == GroupMember.group_id)
        .join(User, User.id == GroupMember.user_id)
        .where(ProjectGroup.project_id == settings.project_id)
        .order_by(
            ProjectGroup.created_at, ProjectGroup.group_id, GroupMember.created_at, User.full_name, User.id
        )
    )
    rank: dict[uuid.UUID, int] = {}
    for (user_id,) in links:
        rank.setdefault(user_id, len(rank))
    if not rank:
        return []
    current = sa.select(OSI.state).where(OSI.operator_id == User.id, OSI.ended_at.is_(None)).scalar_subquery()
    last_end = (
        sa.select(sa.func.max(OSI.ended_at))
        .where(OSI.operator_id == User.id, OSI.state == OperatorState.TALKING)
        .scalar_subquery()
    )
    taken = (
        sa.select(sa.func.count())
        .where(
            OSI.operator_id == User.id,
            OSI.state == OperatorState.TALKING,
            OSI.project_id == settings.project_id,
            OSI.started_at >= _day_start(settings.timezone, now),
        )
        .scalar_subquery()
    )
    rows = await db.execute(
        sa.select(User.id, User.extension, current, last_end, taken).where(
            User.id.in_(list(rank)),
            User.role == UserRole.OPERATOR,
            User.is_active,
            User.deleted_at.is_(None),
            User.extension.is_not(None),
        )
    )
    operators = [
        Operator(row[0], row[1], OperatorState(row[2]) if row[2] else None, row[3], int(row[4] or 0))
        for row in rows
    ]
    return sorted(operators, key=lambda o: rank[o.operator_id])


async def last_answered(db: AsyncSession, project_id: uuid.UUID) -> uuid.UUID | None:
    """The operator who took the project's latest call (round-robin memory, kept in Postgres)."""
    return await db.scalar(
        sa.select(OSI.operator_id)
        .where(OSI.project_id == project_id, OSI.state == OperatorState.TALKING)
        .order_by(OSI.started_at.desc())
        .limit(1)
    )


async def pinned_operator(
    db: AsyncSession, project_id: uuid.UUID, contact_id: uuid.UUID | None
) -> uuid.UUID | None:
    """F-25 "task to operator": the operator a contact is pinned to, directly or by its result status."""
    if contact_id is None:
        return None
    contact = await db.get(Contact, contact_id)
    if contact is None:
        return None
    if contact.pinned_operator_id is not None:
        return contact.pinned_operator_id
    if contact.result_status_id is None:
        return None
    return await db.scalar(
        sa.select(ProjectPinnedStatus.operator_id).where(
            ProjectPinnedStatus.project_id == project_id,
            ProjectPinnedStatus.result_status_id == contact.result_status_id,
        )
    )


async def attempt_call_type(db: AsyncSession, call_id: uuid.UUID) -> CallType | None:
    value = await db.scalar(sa.select(Attempt.call_type).where(Attempt.id == call_id))
    return CallType(value) if value is not None else None


async def ensure_call_row(
    db: AsyncSession,
    *,
    call_id: uuid.UUID,
    project_id: uuid.UUID,
    contact_id: uuid.UUID | None,
    phone: str | None,
    direction: str,
    call_type: CallType,
    answered_at: dt.datetime,
    preferred_operator_id: uuid.UUID | None = None,
) -> None:
    """Make sure ``calls`` has the call (id = uniqueid = the call id, as reporting keys it), so operator
    state intervals and the card can refer to it before reporting has merged its events; a callback's
    operator (F-46) is kept with it."""
    inbound = direction == CallDirection.INBOUND.value
    await db.execute(
        insert(Call)
        .values(
            id=call_id,
            uniqueid=str(call_id),
            attempt_id=sa.select(Attempt.id).where(Attempt.id == call_id).scalar_subquery(),
            direction=CallDirection.INBOUND if inbound else CallDirection.OUTBOUND,
            call_type=call_type,
            from_number=phone if inbound else None,
            to_number=None if inbound else phone,
            project_id=project_id,
            contact_id=contact_id,
            started_at=answered_at,
            answered_at=answered_at,
        )
        .on_conflict_do_nothing()
    )
    if preferred_operator_id is not None:
        await db.execute(
            sa.update(Call)
            .where(Call.id == call_id, Call.preferred_operator_id.is_(None))
            .values(preferred_operator_id=preferred_operator_id)
        )


async def forget_preference(db: AsyncSession, call_id: uuid.UUID) -> None:
    """The callback went to the general queue (F-46): no operator is preferred any more."""
    await db.execute(sa.update(Call).where(Call.id == call_id).values(preferred_operator_id=None))


@dataclass(frozen=True)
class StoredWaitingCall:
    call_id: uuid.UUID
    project_id: uuid.UUID
    contact_id: uuid.UUID | None
    phone: str | None
    direction: str
    call_type: CallType
    answered_at: dt.datetime
    preferred_operator_id: uuid.UUID | None


async def waiting_calls(db: AsyncSession) -> list[StoredWaitingCall]:
    """Calls answered and announced (a ``calls`` row with ``answered_at``) that no operator took yet and
    that still exist: their attempt is ``answered``, or (inbound) the call has not ended."""
    attempt_state = sa.select(Attempt.state).where(Attempt.id == Call.id).scalar_subquery()
    rows = await db.execute(
        sa.select(Call)
        .join(Project, Project.id == Call.project_id)
        .where(
            Call.answered_at.is_not(None),
            Call.connected_at.is_(None),
            Call.ended_at.is_(None),
            Call.call_type != CallType.MANUAL,
            Project.deleted_at.is_(None),
            sa.or_(attempt_state == AttemptState.ANSWERED, attempt_state.is_(None)),
        )
        .order_by(Call.answered_at, Call.id)
    )
    result = []
    for call in rows.scalars():
        assert call.project_id is not None and call.answered_at is not None
        result.append(
            StoredWaitingCall(
                call_id=call.id,
                project_id=call.project_id,
                contact_id=call.contact_id,
                phone=call.from_number if call.direction == CallDirection.INBOUND else call.to_number,
                direction=CallDirection(call.direction).value,
                call_type=CallType(call.call_type),
                answered_at=call.answered_at,
                preferred_operator_id=call.preferred_operator_id,
            )
        )
    return result
