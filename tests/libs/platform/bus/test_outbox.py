"""Events written to the outbox with the business change reach the broker after the commit, and only
then (I3)."""

import uuid
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from datetime import UTC, datetime

import pytest
import sqlalchemy as sa
from obzvon_db.models import OutboxMessage
from obzvon_events.calls import CallEnded
from obzvon_events.users import UserDisabled, UserSessionsRevoked
from obzvon_platform.bus import (
    Bus,
    Consumer,
    OutboxRelay,
    QueueSpec,
    add_to_outbox,
    call_after_commit,
    pending_count,
)
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from tests.libs.platform.bus.waiting import Received, eventually


@asynccontextmanager
async def running(relay: OutboxRelay) -> AsyncIterator[OutboxRelay]:
    relay.start()
    try:
        yield relay
    finally:
        await relay.close()


def listening(relay: OutboxRelay) -> Callable[[], Awaitable[bool]]:
    async def check() -> bool:
        return relay.listening

    return check


def call_ended() -> CallEnded:
    now = datetime.now(UTC)
    return CallEnded(
        call_id=uuid.uuid4(), project_id=uuid.uuid4(), outcome="answered", started_at=now, ended_at=now
    )


async def test_a_rolled_back_transaction_leaves_no_event(
    sessionmaker: async_sessionmaker[AsyncSession],
) -> None:
    async with sessionmaker() as session, session.begin():
        envelope = await add_to_outbox(session, call_ended(), "dialer")
        await session.rollback()
    async with sessionmaker() as session:
        assert await session.get(OutboxMessage, envelope.id) is None


async def test_committed_events_are_published_in_order_and_marked(
    event_bus: Bus, sessionmaker: async_sessionmaker[AsyncSession], unique: str
) -> None:
    """F-61: the call record consumer gets call_ended events the dialer committed, with their ids."""
    received = Received()
    # A long poll interval: only the wake-up after the commit can make this test pass in time.
    relay = OutboxRelay(sessionmaker, event_bus, poll_interval=60)
    consumer = Consumer(event_bus, QueueSpec(f"test.calls.{unique}", ("telephony.#",)), received)
    async with consumer, running(relay):
        async with sessionmaker() as session, session.begin():
            written = [await add_to_outbox(session, call_ended(), "dialer") for _ in range(5)]
            call_after_commit(session, relay.wake)
        await received.wait_for(5)

    assert received.envelopes == written
    async with sessionmaker() as session:
        query = sa.select(OutboxMessage).where(OutboxMessage.id.in_([e.id for e in written]))
        rows = (await session.execute(query)).scalars().all()
    assert len(rows) == 5
    for row in rows:
        assert row.published_at is not None
        assert row.routing_key == "telephony.call.ended"
        assert row.payload["data"]["outcome"] == "answered"
        assert (row.attempts, row.last_error) == (1, None)


async def test_a_commit_in_another_process_wakes_the_relay(
    event_bus: Bus, sessionmaker: async_sessionmaker[AsyncSession], unique: str
) -> None:
    """F-51: events written by another service leave at once (PostgreSQL NOTIFY), not at the next poll."""
    received = Received()
    relay = OutboxRelay(sessionmaker, event_bus, poll_interval=60)  # nobody calls relay.wake()
    consumer = Consumer(event_bus, QueueSpec(f"test.notify.{unique}", ("telephony.#",)), received)
    async with consumer, running(relay):
        await eventually(listening(relay))
        async with sessionmaker() as session, session.begin():
            written = await add_to_outbox(session, call_ended(), "dialer")
        await received.wait_for(1, within=5)  # far below the 60 s poll
    assert received.envelopes == [written]


async def test_two_relays_publish_each_row_once(
    event_bus: Bus, sessionmaker: async_sessionmaker[AsyncSession], unique: str
) -> None:
    """Several service instances run a relay each; FOR UPDATE SKIP LOCKED keeps them apart."""
    received = Received()
    async with sessionmaker() as session, session.begin():
        written = [
            await add_to_outbox(session, UserDisabled(user_id=uuid.uuid4()), "api-gateway")
            for _ in range(120)
        ]
    relays = [OutboxRelay(sessionmaker, event_bus, batch_size=10, poll_interval=60) for _ in range(2)]
    async with Consumer(event_bus, QueueSpec(f"test.two.{unique}", ("user.#",)), received, prefetch=200):
        async with running(relays[0]), running(relays[1]):
            await received.wait_for(120)
        # The relays publish on the bus's channel, so a message published after them arrives after
        # anything they sent: once it is here, a row published twice would be here too.
        sentinel = await event_bus.publish_event(UserSessionsRevoked(user_id=uuid.uuid4()), "test")
        await received.wait_for(121)

    assert received.ids[-1] == sentinel.id
    assert sorted(map(str, received.ids[:-1])) == sorted(str(e.id) for e in written)
    async with sessionmaker() as session:
        assert await pending_count(session) == 0


async def test_unroutable_rows_are_not_retried_forever(
    event_bus: Bus, sessionmaker: async_sessionmaker[AsyncSession]
) -> None:
    """An event nobody subscribes to yet is marked published with the reason, not re-sent forever."""
    async with sessionmaker() as session, session.begin():
        envelope = await add_to_outbox(session, UserDisabled(user_id=uuid.uuid4()), "api-gateway")
    relay = OutboxRelay(sessionmaker, event_bus)
    while await relay.relay_once():
        pass
    async with sessionmaker() as session:
        row = await session.get(OutboxMessage, envelope.id)
    assert row is not None and row.published_at is not None
    assert row.last_error is not None and row.last_error.startswith("unroutable")


async def test_duplicate_event_ids_are_refused(sessionmaker: async_sessionmaker[AsyncSession]) -> None:
    """A producer that retries with the same event id cannot queue the event twice."""
    event_id = uuid.uuid4()
    async with sessionmaker() as session, session.begin():
        await add_to_outbox(session, call_ended(), "dialer", id=event_id)
    with pytest.raises(sa.exc.IntegrityError):
        async with sessionmaker() as session, session.begin():
            await add_to_outbox(session, call_ended(), "dialer", id=event_id)
