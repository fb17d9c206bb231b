"""SQL of the operator's dashboard: state intervals and calls in a period."""

import datetime as dt
import uuid

import sqlalchemy as sa
from obzvon_db.enums import CallDirection
from obzvon_db.models import Call, OperatorStateInterval
from sqlalchemy.ext.asyncio import AsyncSession


async def state_seconds(
    db: AsyncSession, operator_id: uuid.UUID, start: dt.datetime, end: dt.datetime
) -> dict[str, int]:
    """Seconds per state of the intervals overlapping [start, end), clipped to it (open ones end at end)."""
    i = OperatorStateInterval
    clipped_end = sa.func.least(sa.func.coalesce(i.ended_at, end), end)
    clipped_start = sa.func.greatest(i.started_at, start)
    seconds = sa.func.sum(sa.func.extract("epoch", clipped_end - clipped_start))
    rows = await db.execute(
        sa.select(i.state, seconds)
        .where(
            i.operator_id == operator_id,
            i.started_at < end,
            sa.or_(i.ended_at.is_(None), i.ended_at > start),
        )
        .group_by(i.state)
    )
    return {str(state): max(0, int(total or 0)) for state, total in rows}


async def call_counts(
    db: AsyncSession, operator_id: uuid.UUID, start: dt.datetime, end: dt.datetime
) -> tuple[int, int, int, int, int]:
    """(total, answered by the operator, inbound, outbound, talk seconds) of calls started in the period."""
    answered = sa.or_(Call.connected_at.is_not(None), Call.talk_s > 0)
    row = (
        await db.execute(
            sa.select(
                sa.func.count(),
                sa.func.count().filter(answered),
                sa.func.count().filter(Call.direction == CallDirection.INBOUND),
                sa.func.count().filter(Call.direction == CallDirection.OUTBOUND),
                sa.func.coalesce(sa.func.sum(Call.talk_s), 0),
            ).where(Call.operator_id == operator_id, Call.started_at >= start, Call.started_at < end)
        )
    ).one()
    return (int(row[0]), int(row[1]), int(row[2]), int(row[3]), int(row[4]))
