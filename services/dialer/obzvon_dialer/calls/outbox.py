"""Writing call events to the outbox exactly once per id, in the caller's transaction (I3)."""

import datetime as dt
import uuid

import sqlalchemy as sa
from obzvon_db.models import OutboxMessage
from obzvon_events.base import Event
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.ext.asyncio import AsyncSession

from obzvon_dialer.metrics import CALL_EVENTS

PRODUCER = "dialer"


async def add_event_once(
    session: AsyncSession, event: Event, event_id: uuid.UUID, occurred_at: dt.datetime | None = None
) -> bool:
    """Like ``obzvon_platform.bus.add_to_outbox`` with a fixed id, but a second write of the same id is
    ignored instead of failing the transaction. Returns True when the row was new."""
    envelope = event.to_envelope(PRODUCER, id=event_id, occurred_at=occurred_at)
    statement = (
        insert(OutboxMessage)
        .values(
            id=envelope.id,
            routing_key=event.routing_key,
            payload=envelope.model_dump(mode="json"),
            created_at=sa.func.clock_timestamp(),
            attempts=0,
        )
        .on_conflict_do_nothing(index_elements=["id"])
        .returning(OutboxMessage.id)
    )
    added = (await session.execute(statement)).first() is not None
    if added:
        CALL_EVENTS.labels(event.name).inc()
    return added
