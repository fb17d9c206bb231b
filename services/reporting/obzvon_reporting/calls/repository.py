"""SQL of call records: one upsert that merges an event's facts, one update of the derived columns."""

from typing import Any

import sqlalchemy as sa
from obzvon_db.enums import CallDirection, CallType
from obzvon_db.models import Attempt, Call
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.ext.asyncio import AsyncSession

from obzvon_reporting.calls.facts import CallFacts

CALLS = Call.__table__.c


async def merge(session: AsyncSession, facts: CallFacts) -> sa.RowMapping:
    """Insert the call or merge ``facts`` into it (keyed by ``uniqueid`` = the call id); returns the row.

    Known columns take the event's value unless it is empty; times keep the earliest start, answer and
    connection and the latest end.
    """
    attempt = sa.select(Attempt.id).where(Attempt.id == facts.call_id).scalar_subquery()
    values: dict[str, Any] = {
        "direction": CallDirection.OUTBOUND,
        "call_type": CallType.AUTO,
        **facts.known,
        "id": facts.call_id,
        "uniqueid": str(facts.call_id),
        "attempt_id": attempt,
        "started_at": facts.started_at,
        "answered_at": facts.answered_at,
        "connected_at": facts.connected_at,
        "ended_at": facts.ended_at,
    }
    statement = insert(Call).values(values)
    new = statement.excluded
    updates: dict[str, Any] = {
        name: sa.func.coalesce(new[name], CALLS[name]) for name in facts.known if name in CALLS
    }
    updates["attempt_id"] = sa.func.coalesce(CALLS.attempt_id, new.attempt_id)
    updates["started_at"] = sa.func.least(CALLS.started_at, new.started_at)
    updates["answered_at"] = sa.func.least(CALLS.answered_at, new.answered_at)
    updates["connected_at"] = sa.func.least(CALLS.connected_at, new.connected_at)
    updates["ended_at"] = sa.func.greatest(CALLS.ended_at, new.ended_at)
    updates["updated_at"] = sa.func.now()
    upsert = statement.on_conflict_do_update(index_elements=["uniqueid"], set_=updates)
    return (await session.execute(upsert.returning(*Call.__table__.c))).mappings().one()


async def update_derived(session: AsyncSession, call_id: object, values: dict[str, Any]) -> None:
    await session.execute(sa.update(Call).where(Call.id == call_id).values(**values))
