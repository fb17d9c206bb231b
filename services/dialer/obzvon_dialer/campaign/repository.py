"""SQL of the campaign loop: project leases, the pacing inputs, claiming due contacts (I1)."""

import datetime as dt
import uuid
from collections.abc import Sequence
from dataclasses import dataclass

import sqlalchemy as sa
from obzvon_db.enums import DIALABLE_CONTACT_STATUSES, LIVE_ATTEMPT_STATES, AttemptState, ContactStatus
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

from obzvon_dialer.campaign.outcomes import RETRY_OUTCOMES


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


async def outcome_counts(
    session: AsyncSession, contact_ids: Sequence[uuid.UUID]
) -> dict[uuid.UUID, dict[str, int]]:
    """Per contact, how many of its finished calls ended with each outcome."""
    if not contact_ids:
        return {}
    rows = await session.execute(
        sa.select(Attempt.contact_id, Attempt.outcome, sa.func.count())
        .where(Attempt.contact_id.in_(contact_ids), Attempt.outcome.in_(list(RETRY_OUTCOMES)))
        .group_by(Attempt.contact_id, Attempt.outcome)
    )
    counts: dict[uuid.UUID, dict[str, int]] = {}
    for contact_id, outcome, count in rows:
        counts.setdefault(contact_id, {})[str(outcome)] = int(count)
    return counts


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
