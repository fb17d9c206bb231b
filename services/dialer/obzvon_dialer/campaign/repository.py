"""SQL of the campaign loop: project leases, the pacing inputs, claiming due contacts (I1)."""

import datetime as dt
import uuid
from collections.abc import Sequence
from dataclasses import dataclass

import sqlalchemy as sa
from obzvon_db.enums import (
    DIALABLE_CONTACT_STATUSES,
    LIVE_ATTEMPT_STATES,
    AttemptState,
    ContactStatus,
    OperatorState,
)
from obzvon_db.models import (
    Attempt,
    BlacklistEntry,
    Contact,
    GroupMember,
    OperatorStateInterval,
    Project,
    ProjectGroup,
)
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import aliased


def _running() -> sa.ColumnElement[bool]:
    return sa.and_(Project.is_running, Project.is_active, Project.deleted_at.is_(None))


async def lease_projects(
    session: AsyncSession, instance: str, lease_seconds: float, acquire: int
) -> list[uuid.UUID]:
    """Renew this dialer's running projects, take up to ``acquire`` unowned (or expired) ones, and
    let go of those no longer running. Returns the projects owned now."""
    until = sa.func.now() + dt.timedelta(seconds=lease_seconds)
    await session.execute(
        sa.update(Project)
        .where(Project.dialer_instance == instance, sa.not_(_running()))
        .values(dialer_instance=None, dialer_lease_until=None)
    )
    free = (
        sa.select(Project.id)
        .where(
            _running(),
            sa.or_(
                Project.dialer_instance.is_(None),
                Project.dialer_lease_until.is_(None),
                Project.dialer_lease_until < sa.func.now(),
            ),
        )
        .order_by(Project.created_at)
        .limit(acquire)
        .with_for_update(skip_locked=True)
    )
    owned = await session.scalars(
        sa.update(Project)
        .where(
            _running(), sa.or_(Project.dialer_instance == instance, Project.id.in_(free.scalar_subquery()))
        )
        .values(dialer_instance=instance, dialer_lease_until=until)
        .returning(Project.id)
    )
    return list(owned)


async def release_projects(session: AsyncSession, instance: str) -> None:
    await session.execute(
        sa.update(Project)
        .where(Project.dialer_instance == instance)
        .values(dialer_instance=None, dialer_lease_until=None)
    )


@dataclass(frozen=True)
class OperatorRow:
    state: str
    on_call: bool
    seconds: float  # in the current state


async def operators(session: AsyncSession, project_id: uuid.UUID) -> list[OperatorRow]:
    """The current state of every operator of the project's groups (the open interval, I4)."""
    members = (
        sa.select(GroupMember.user_id)
        .join(ProjectGroup, ProjectGroup.group_id == GroupMember.group_id)
        .where(ProjectGroup.project_id == project_id)
    )
    rows = await session.execute(
        sa.select(
            OperatorStateInterval.state,
            OperatorStateInterval.call_id.is_not(None),
            sa.func.extract("epoch", sa.func.now() - OperatorStateInterval.started_at),
        ).where(OperatorStateInterval.ended_at.is_(None), OperatorStateInterval.operator_id.in_(members))
    )
    return [OperatorRow(str(r[0]), bool(r[1]), float(r[2])) for r in rows]


@dataclass(frozen=True)
class WrapRow:
    wrap_s: float  # wall-clock seconds in card
    talk_s: float | None  # the conversation before it, when known


async def wraps_ended(
    session: AsyncSession, project_id: uuid.UUID, after: dt.datetime | None
) -> tuple[list[WrapRow], dt.datetime]:
    """Wrap-ups (closed "in card" intervals) of the project that ended after ``after``, and the moment
    up to which they are now counted; with no ``after`` nothing before now is read. An interval closed
    by a transaction still open at that moment may be passed over: the pacer loses one sample."""
    now = await session.scalar(sa.select(sa.func.now()))
    assert now is not None
    if after is None:
        return [], now
    talk = aliased(OperatorStateInterval)
    talk_s = (
        sa.select(sa.func.extract("epoch", talk.ended_at - talk.started_at))
        .where(
            talk.operator_id == OperatorStateInterval.operator_id,
            talk.call_id == OperatorStateInterval.call_id,
            talk.state == OperatorState.TALKING,
            talk.ended_at.is_not(None),
        )
        .order_by(talk.started_at.desc())
        .limit(1)
        .scalar_subquery()
    )
    rows = await session.execute(
        sa.select(
            sa.func.extract("epoch", OperatorStateInterval.ended_at - OperatorStateInterval.started_at),
            talk_s,
        ).where(
            OperatorStateInterval.project_id == project_id,
            OperatorStateInterval.state == OperatorState.IN_CARD,
            OperatorStateInterval.ended_at > after,
            OperatorStateInterval.ended_at <= now,
        )
    )
    wraps = [WrapRow(float(r[0]), float(r[1]) if r[1] is not None else None) for r in rows]
    return wraps, now


async def live_calls(session: AsyncSession, project_id: uuid.UUID) -> list[tuple[AttemptState, float]]:
    """The project's calls in flight: state and seconds since the attempt was committed."""
    rows = await session.execute(
        sa.select(Attempt.state, sa.func.extract("epoch", sa.func.now() - Attempt.created_at)).where(
            Attempt.project_id == project_id, Attempt.state.in_(LIVE_ATTEMPT_STATES)
        )
    )
    return [(r[0], float(r[1])) for r in rows]


async def pick_contacts(
    session: AsyncSession, project_id: uuid.UUID, limit: int, *, from_end: bool, max_attempts: int
) -> list[tuple[Contact, bool]]:
    """Due contacts in base order (reversed for "call from the end"), locked for this transaction
    (``FOR UPDATE SKIP LOCKED``: another dialer never gets the same ones); the flag: blacklisted now."""
    live = sa.select(Attempt.id).where(
        Attempt.contact_id == Contact.id, Attempt.state.in_(LIVE_ATTEMPT_STATES)
    )
    blacklisted = sa.exists().where(BlacklistEntry.phone == Contact.phone)
    statement = (
        sa.select(Contact, blacklisted)
        .where(
            Contact.project_id == project_id,
            Contact.deleted_at.is_(None),
            Contact.status.in_(DIALABLE_CONTACT_STATUSES),
            sa.or_(Contact.next_attempt_at.is_(None), Contact.next_attempt_at <= sa.func.now()),
            Contact.attempts_count < max_attempts,
            ~sa.exists(live),
        )
        .order_by(Contact.seq.desc() if from_end else Contact.seq)
        .limit(limit)
        .with_for_update(of=Contact, skip_locked=True)
    )
    return [(row[0], bool(row[1])) for row in await session.execute(statement)]


async def mark_dialled(session: AsyncSession, contact_ids: Sequence[uuid.UUID]) -> None:
    """The claimed contacts now have a live attempt: one more attempt, in progress."""
    if contact_ids:
        await session.execute(
            sa.update(Contact)
            .where(Contact.id.in_(contact_ids))
            .values(
                status=ContactStatus.IN_PROGRESS,
                attempts_count=Contact.attempts_count + 1,
                last_call_at=sa.func.now(),
            )
        )


async def park(
    session: AsyncSession, contact_id: uuid.UUID, *, status: ContactStatus | None, next_at: dt.datetime | None
) -> None:
    """A picked contact that may not be dialled now: a final status, or the moment it may be."""
    values: dict[str, object] = {"next_attempt_at": next_at}
    if status is not None:
        values["status"] = status
    await session.execute(sa.update(Contact).where(Contact.id == contact_id).values(**values))
