"""SQL for operator state intervals: exactly one open interval per operator (I4: Postgres is the truth)."""

import datetime as dt
import uuid
from collections.abc import Iterable

import sqlalchemy as sa
from obzvon_db.enums import OperatorState
from obzvon_db.models import OperatorStateInterval
from sqlalchemy.dialects import postgresql as pg
from sqlalchemy.ext.asyncio import AsyncSession

CHOSEN = (OperatorState.ACTIVE, OperatorState.PAUSE, OperatorState.DND, OperatorState.INACTIVE)


async def open_interval(db: AsyncSession, operator_id: uuid.UUID) -> OperatorStateInterval | None:
    return await db.scalar(
        sa.select(OperatorStateInterval).where(
            OperatorStateInterval.operator_id == operator_id, OperatorStateInterval.ended_at.is_(None)
        )
    )


async def open_intervals(
    db: AsyncSession, operator_ids: Iterable[uuid.UUID]
) -> dict[uuid.UUID, OperatorStateInterval]:
    rows = await db.scalars(
        sa.select(OperatorStateInterval).where(
            OperatorStateInterval.operator_id.in_(list(operator_ids)),
            OperatorStateInterval.ended_at.is_(None),
        )
    )
    return {row.operator_id: row for row in rows}


async def last_chosen_states(
    db: AsyncSession, operator_ids: Iterable[uuid.UUID]
) -> dict[uuid.UUID, OperatorState]:
    """The latest state each operator chose themselves (active, pause, dnd, inactive)."""
    rows = await db.execute(
        sa.select(OperatorStateInterval.operator_id, OperatorStateInterval.state)
        .where(
            OperatorStateInterval.operator_id.in_(list(operator_ids)), OperatorStateInterval.state.in_(CHOSEN)
        )
        .order_by(OperatorStateInterval.operator_id, OperatorStateInterval.started_at.desc())
        .ext(pg.distinct_on(OperatorStateInterval.operator_id))
    )
    return {operator_id: state for operator_id, state in rows}


async def database_clock(db: AsyncSession) -> dt.datetime:
    """The database's current time (not the transaction's start), so intervals never overlap."""
    now = await db.scalar(sa.select(sa.func.clock_timestamp()))
    assert isinstance(now, dt.datetime)
    return now


async def switch(
    db: AsyncSession, operator_id: uuid.UUID, current: OperatorStateInterval | None, state: OperatorState
) -> OperatorStateInterval:
    """Close the open interval (if any) and open one in `state` at the same instant."""
    now = await database_clock(db)
    if current is not None:
        current.ended_at = now
        await db.flush()
    interval = OperatorStateInterval(operator_id=operator_id, state=state, started_at=now)
    db.add(interval)
    await db.flush()
    return interval
