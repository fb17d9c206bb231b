"""Writing operator state intervals (F-50, I4): the one place that closes an operator's open interval and
opens the next, with the ``operator_state_changed`` event in the same transaction (I3).

Every writer (the gateway for chosen states, queue-router for system states) goes through
``switch_state``: the operator's user row is locked first, so two writers never interleave, and the
partial unique index ``uq_operator_state_intervals_open`` guarantees a single open interval.
"""

import datetime as dt
import uuid
from dataclasses import dataclass

import sqlalchemy as sa
from obzvon_db.enums import CallDirection, CallType, OperatorState
from obzvon_db.models import Attempt, Call, GroupMember, OperatorStateInterval, Project, ProjectGroup, User
from obzvon_events.operators import OperatorStateChanged
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.ext.asyncio import AsyncSession

from obzvon_platform.bus.outbox import add_to_outbox

#: The states an operator picks in the status selector.
CHOSEN_STATES = frozenset(
    {OperatorState.ACTIVE, OperatorState.PAUSE, OperatorState.DND, OperatorState.INACTIVE}
)

#: A call or an unsaved card holds the operator; their own choice waits until the card is saved.
BUSY_STATES = frozenset(
    {OperatorState.RINGING, OperatorState.TALKING, OperatorState.IN_CARD, OperatorState.RINGBACK}
)
#: States from which an operator may place a manual call from the card (F-45).
MAY_CALL_OUT = frozenset({OperatorState.ACTIVE, OperatorState.DND, OperatorState.IN_CARD})


@dataclass(frozen=True)
class Switched:
    """The result of a switch: the interval now open and the state before it (None: none was open)."""

    interval: OperatorStateInterval
    previous: OperatorState | None
    changed: bool


async def lock_operator(db: AsyncSession, operator_id: uuid.UUID) -> bool:
    """Lock the operator's user row for this transaction; False when there is no such user.

    ``FOR NO KEY UPDATE``: state writers wait for each other, but not rows elsewhere that merely refer
    to the user (a call record naming its operator checks its foreign key with ``FOR KEY SHARE``), so
    a writer holding this lock while it adds a call row cannot deadlock with them."""
    found = await db.scalar(sa.select(User.id).where(User.id == operator_id).with_for_update(key_share=True))
    return found is not None


async def operator_by_extension(db: AsyncSession, extension: str | None) -> uuid.UUID | None:
    """The user whose internal extension this is (unique among users not deleted)."""
    if not extension:
        return None
    return await db.scalar(sa.select(User.id).where(User.extension == extension, User.deleted_at.is_(None)))


async def open_interval(db: AsyncSession, operator_id: uuid.UUID) -> OperatorStateInterval | None:
    return await db.scalar(
        sa.select(OperatorStateInterval).where(
            OperatorStateInterval.operator_id == operator_id, OperatorStateInterval.ended_at.is_(None)
        )
    )


async def last_chosen_state(db: AsyncSession, operator_id: uuid.UUID) -> OperatorState:
    """The latest state the operator chose (inactive when they never chose one)."""
    state = await db.scalar(
        sa.select(OperatorStateInterval.state)
        .where(
            OperatorStateInterval.operator_id == operator_id,
            OperatorStateInterval.state.in_(CHOSEN_STATES),
        )
        .order_by(OperatorStateInterval.started_at.desc())
        .limit(1)
    )
    return OperatorState(state) if state is not None else OperatorState.INACTIVE


async def member_project_ids(db: AsyncSession, operator_id: uuid.UUID) -> list[uuid.UUID]:
    rows = await db.scalars(
        sa.select(ProjectGroup.project_id)
        .join(GroupMember, GroupMember.group_id == ProjectGroup.group_id)
        .join(Project, Project.id == ProjectGroup.project_id)
        .where(GroupMember.user_id == operator_id, Project.deleted_at.is_(None))
        .distinct()
    )
    return sorted(rows)


async def database_clock(db: AsyncSession) -> dt.datetime:
    """The database's current time (not the transaction's start), so intervals never overlap."""
    now = await db.scalar(sa.select(sa.func.clock_timestamp()))
    assert isinstance(now, dt.datetime)
    return now


async def switch_state(
    db: AsyncSession,
    operator_id: uuid.UUID,
    state: OperatorState,
    *,
    producer: str,
    call_id: uuid.UUID | None = None,
    project_id: uuid.UUID | None = None,
    reason: str | None = None,
    lock: bool = True,
) -> Switched:
    """Close the open interval (if any) and open one in ``state`` at the same instant, with the
    ``operator_state_changed`` outbox row. The same state for the same call changes nothing.

    Flushes only; the caller commits. A ``call_id`` without a ``calls`` row yet gets a minimal one
    (id = uniqueid = the call id, as reporting keys call records), so the interval can refer to it.
    """
    if lock:
        await lock_operator(db, operator_id)
    current = await open_interval(db, operator_id)
    previous = current.state if current is not None else None
    if (
        current is not None
        and current.state == state
        and (call_id is None or current.call_id in (None, call_id))
    ):
        return Switched(current, previous, changed=False)
    now = await database_clock(db)
    if current is not None:
        current.ended_at = max(now, current.started_at)
        await db.flush()
    linked = await _ensure_call(db, call_id, project_id, now)
    interval = OperatorStateInterval(
        operator_id=operator_id,
        state=state,
        started_at=now if current is None else max(now, current.started_at),
        call_id=linked,
        project_id=project_id,
        reason=reason,
    )
    db.add(interval)
    await db.flush()
    await add_to_outbox(
        db,
        OperatorStateChanged(
            operator_id=operator_id,
            state=state.value,
            previous_state=previous.value if previous else None,
            project_ids=await member_project_ids(db, operator_id),
            started_at=interval.started_at,
            call_id=call_id,
        ),
        producer,
    )
    return Switched(interval, previous, changed=True)


async def _ensure_call(
    db: AsyncSession, call_id: uuid.UUID | None, project_id: uuid.UUID | None, now: dt.datetime
) -> uuid.UUID | None:
    if call_id is None:
        return None
    await db.execute(
        insert(Call)
        .values(
            id=call_id,
            uniqueid=str(call_id),
            attempt_id=sa.select(Attempt.id).where(Attempt.id == call_id).scalar_subquery(),
            direction=CallDirection.OUTBOUND,
            call_type=CallType.AUTO,
            project_id=project_id,
            started_at=now,
        )
        .on_conflict_do_nothing()
    )
    return call_id


__all__ = [
    "BUSY_STATES",
    "CHOSEN_STATES",
    "MAY_CALL_OUT",
    "Switched",
    "database_clock",
    "last_chosen_state",
    "lock_operator",
    "member_project_ids",
    "open_interval",
    "operator_by_extension",
    "switch_state",
]
