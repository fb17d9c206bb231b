"""The transactional outbox: events that must not be lost are written with the change they announce.

``add_to_outbox`` inserts the envelope into ``outbox`` in the caller's transaction; an
``OutboxRelay`` publishes it after the commit (at least once). A rolled-back transaction leaves no
event behind, a committed one always reaches the broker eventually, even across broker outages.
"""

import datetime as dt
from collections.abc import Callable
from uuid import UUID

import sqlalchemy as sa
from obzvon_db.models import OutboxMessage
from obzvon_events import Envelope, Message
from sqlalchemy import event as sa_event
from sqlalchemy.ext.asyncio import AsyncSession

#: The PostgreSQL NOTIFY channel announcing committed outbox rows.
OUTBOX_CHANNEL = "obzvon_outbox"


async def add_to_outbox(
    session: AsyncSession,
    message: Message,
    producer: str,
    *,
    id: UUID | None = None,
    occurred_at: dt.datetime | None = None,
) -> Envelope:
    """Queue ``message`` for publishing when the session's transaction commits; returns its envelope.

    ``id`` may be given to make the producer idempotent (a retried write of the same event collides
    on the primary key instead of producing a second event).
    """
    envelope = message.to_envelope(producer, id=id, occurred_at=occurred_at)
    await session.execute(
        sa.insert(OutboxMessage).values(
            id=envelope.id,
            routing_key=message.routing_key,
            payload=envelope.model_dump(mode="json"),
            # clock_timestamp() (not now()) keeps the write order of rows from one transaction.
            created_at=sa.func.clock_timestamp(),
            attempts=0,
        )
    )
    # Delivered at commit (and dropped on rollback): relays in every process wake at once.
    await session.execute(sa.select(sa.func.pg_notify(OUTBOX_CHANNEL, "")))
    return envelope


def call_after_commit(session: AsyncSession, callback: Callable[[], None]) -> None:
    """Run ``callback()`` once, right after the session's transaction commits (e.g. ``relay.wake``)."""
    sa_event.listen(session.sync_session, "after_commit", lambda _session: callback(), once=True)


async def purge_published(session: AsyncSession, older_than: dt.timedelta) -> int:
    """Delete rows published longer ago than ``older_than``."""
    result = await session.execute(
        sa.delete(OutboxMessage).where(
            OutboxMessage.published_at.is_not(None), OutboxMessage.published_at < sa.func.now() - older_than
        )
    )
    return int(getattr(result, "rowcount", 0) or 0)


async def pending_count(session: AsyncSession) -> int:
    """Rows still waiting to be published (for health checks and metrics)."""
    statement = (
        sa.select(sa.func.count()).select_from(OutboxMessage).where(OutboxMessage.published_at.is_(None))
    )
    return int((await session.execute(statement)).scalar_one())
