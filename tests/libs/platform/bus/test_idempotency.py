"""An idempotent consumer applies each message once, however often it is delivered (I3)."""

import asyncio
import uuid
from collections.abc import AsyncIterator

import pytest
import sqlalchemy as sa
from obzvon_db.models import ProcessedMessage
from obzvon_events import Envelope
from obzvon_events.users import UserDisabled
from obzvon_platform.bus import Bus, Consumer, QueueSpec, claim_message, idempotent
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker


@pytest.fixture
async def effects(bus_engine: AsyncEngine, unique: str) -> AsyncIterator[sa.Table]:
    """A table standing in for a handler's business writes (e.g. a call record)."""
    table = sa.Table(
        f"test_effects_{unique}",
        sa.MetaData(),
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("message_id", sa.Uuid, nullable=False),
        sa.Column("user_id", sa.Uuid, nullable=False),
    )
    async with bus_engine.begin() as connection:
        await connection.run_sync(table.create)
    yield table
    async with bus_engine.begin() as connection:
        await connection.run_sync(table.drop)


async def count(sessionmaker: async_sessionmaker[AsyncSession], statement: sa.Select[int]) -> int:
    async with sessionmaker() as session:
        return int((await session.execute(statement)).scalar_one())


async def test_redelivery_and_duplicates_change_nothing(
    event_bus: Bus, sessionmaker: async_sessionmaker[AsyncSession], effects: sa.Table, unique: str
) -> None:
    """The first delivery commits its effect but its ack is lost (the handler fails afterwards), so the
    broker delivers it again; the relay also published the same event twice. One effect in total."""
    consumer_name = f"test.users.{unique}"

    async def apply(session: AsyncSession, envelope: Envelope) -> None:
        event = UserDisabled.from_envelope(envelope)
        await session.execute(sa.insert(effects).values(message_id=envelope.id, user_id=event.user_id))

    once = idempotent(consumer_name, sessionmaker, apply)
    deliveries = 0
    all_delivered = asyncio.Event()

    async def handler(envelope: Envelope) -> None:
        nonlocal deliveries
        deliveries += 1
        this_delivery = deliveries
        await once(envelope)
        if this_delivery == 1:
            raise ConnectionError("the ack was lost after the commit")
        if this_delivery == 3:
            all_delivered.set()

    envelope = UserDisabled(user_id=uuid.uuid4()).to_envelope("api-gateway")
    spec = QueueSpec(f"test.idempotent.{unique}", ("user.#",))
    async with Consumer(event_bus, spec, handler, retry_delay=0.01):
        await event_bus.publish(envelope, "user.account.disabled")
        await event_bus.publish(envelope, "user.account.disabled")
        await asyncio.wait_for(all_delivered.wait(), 20)

    assert await count(sessionmaker, sa.select(sa.func.count()).select_from(effects)) == 1
    processed = sa.select(sa.func.count()).where(
        ProcessedMessage.consumer == consumer_name, ProcessedMessage.message_id == envelope.id
    )
    assert await count(sessionmaker, processed) == 1


async def test_a_failed_handler_leaves_no_trace_and_is_retried(
    event_bus: Bus, sessionmaker: async_sessionmaker[AsyncSession], effects: sa.Table, unique: str
) -> None:
    """The id is recorded in the handler's own transaction: when the handler fails after writing, the
    rollback forgets both, and the redelivery applies the effect once."""
    attempts = 0
    committed = asyncio.Event()

    async def apply(session: AsyncSession, envelope: Envelope) -> None:
        nonlocal attempts
        attempts += 1
        await session.execute(sa.insert(effects).values(message_id=envelope.id, user_id=uuid.uuid4()))
        if attempts == 1:
            raise RuntimeError("Postgres went away mid-transaction")

    handler = idempotent(f"test.rollback.{unique}", sessionmaker, apply, after_commit=committed.set)
    spec = QueueSpec(f"test.rollback.{unique}", ("user.#",))
    async with Consumer(event_bus, spec, handler, retry_delay=0.01):
        envelope = await event_bus.publish_event(UserDisabled(user_id=uuid.uuid4()), "api-gateway")
        await asyncio.wait_for(committed.wait(), 20)

    assert attempts == 2
    rows = sa.select(sa.func.count()).select_from(effects).where(effects.c.message_id == envelope.id)
    assert await count(sessionmaker, rows) == 1


async def test_claims_are_per_consumer(sessionmaker: async_sessionmaker[AsyncSession], unique: str) -> None:
    """Two services consuming the same event each process it once."""
    message_id = uuid.uuid4()
    async with sessionmaker() as session, session.begin():
        assert await claim_message(session, f"reporting.{unique}", message_id)
        assert await claim_message(session, f"integrations.{unique}", message_id)
        assert not await claim_message(session, f"reporting.{unique}", message_id)
