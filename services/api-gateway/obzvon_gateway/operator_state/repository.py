"""SQL for operator state intervals: exactly one open interval per operator (I4: Postgres is the truth)."""

import uuid
from collections.abc import Iterable

import sqlalchemy as sa
from obzvon_db.enums import OperatorState
from obzvon_db.models import OperatorStateInterval
from obzvon_platform.operator_states import CHOSEN_STATES
from sqlalchemy.dialects import postgresql as pg
from sqlalchemy.ext.asyncio import AsyncSession


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
            OperatorStateInterval.operator_id.in_(list(operator_ids)),
            OperatorStateInterval.state.in_(CHOSEN_STATES),
        )
        .order_by(OperatorStateInterval.operator_id, OperatorStateInterval.started_at.desc())
        .ext(pg.distinct_on(OperatorStateInterval.operator_id))
    )
    return {operator_id: state for operator_id, state in rows}
