"""Idempotent consumers: remember handled message ids in ``processed_messages`` (I3).

The id is inserted in the same transaction as the handler's own writes, so either both are committed
or neither is; a redelivered message finds its id and is acknowledged without running the handler.
"""

import datetime as dt
from collections.abc import Awaitable, Callable
from uuid import UUID

import sqlalchemy as sa
import structlog
from obzvon_db.models import ProcessedMessage
from obzvon_events import Envelope
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from obzvon_platform.bus.consumer import Handler
from obzvon_platform.bus.metrics import DUPLICATES

log = structlog.get_logger(__name__)

SessionHandler = Callable[[AsyncSession, Envelope], Awaitable[None]]


async def claim_message(session: AsyncSession, consumer: str, message_id: UUID) -> bool:
    """Record ``message_id`` for ``consumer`` in the session's transaction.

    Returns False when it was already processed (committed by an earlier delivery). A concurrent
    delivery of the same id waits on the row lock and then gets False once the first one commits.
    """
    statement = (
        insert(ProcessedMessage)
        .values(consumer=consumer, message_id=message_id)
        .on_conflict_do_nothing(index_elements=["consumer", "message_id"])
        .returning(ProcessedMessage.message_id)
    )
    return (await session.execute(statement)).first() is not None


def idempotent(
    consumer: str,
    sessionmaker: async_sessionmaker[AsyncSession],
    handler: SessionHandler,
    *,
    after_commit: Callable[[], None] | None = None,
) -> Handler:
    """Wrap ``handler(session, envelope)`` so it runs at most once per envelope id for ``consumer``.

    The wrapper opens the transaction, claims the id, runs the handler and commits; the handler only
    flushes. ``after_commit`` runs after a successful commit (e.g. ``relay.wake`` when the handler
    wrote to the outbox).
    """

    async def run(envelope: Envelope) -> None:
        async with sessionmaker() as session, session.begin():
            if not await claim_message(session, consumer, envelope.id):
                DUPLICATES.labels(consumer).inc()
                log.info("bus.duplicate_skipped", consumer=consumer, message_id=str(envelope.id))
                return
            await handler(session, envelope)
        if after_commit is not None:
            after_commit()

    return run


async def purge_processed(session: AsyncSession, older_than: dt.timedelta) -> int:
    """Forget ids processed longer ago than ``older_than`` (redeliveries come within minutes)."""
    result = await session.execute(
        sa.delete(ProcessedMessage).where(ProcessedMessage.processed_at < sa.func.now() - older_than)
    )
    return int(getattr(result, "rowcount", 0) or 0)
