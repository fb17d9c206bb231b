"""RabbitMQ stops while services keep committing events: nothing is lost (reliability.md F1, I3)."""

import uuid

import pytest
import sqlalchemy as sa
from obzvon_db.models import OutboxMessage
from obzvon_events.users import UserDisabled
from obzvon_platform.bus import Bus, Consumer, OutboxRelay, QueueSpec, add_to_outbox
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from tests.fixtures.rabbitmq import rabbitmq_stopped
from tests.libs.platform.bus.waiting import Received, eventually


@pytest.mark.slow
async def test_events_written_during_a_broker_outage_are_delivered_after_it(
    amqp_url: str, sessionmaker: async_sessionmaker[AsyncSession], unique: str
) -> None:
    exchange = f"obzvon.events.{unique}"
    producer_bus = Bus(amqp_url, exchange=exchange, connection_name="outage-producer", reconnect_interval=0.5)
    consumer_bus = Bus(amqp_url, exchange=exchange, connection_name="outage-consumer", reconnect_interval=0.5)
    relay = OutboxRelay(sessionmaker, producer_bus, poll_interval=60, max_backoff=1.0)
    received = Received()
    await consumer_bus.connect()
    consumer = Consumer(consumer_bus, QueueSpec(f"test.outage.{unique}", ("user.#",)), received)
    await consumer.start()
    relay.start()
    try:
        async with sessionmaker() as session, session.begin():
            before = await add_to_outbox(session, UserDisabled(user_id=uuid.uuid4()), "api-gateway")
        relay.wake()
        await received.wait_for(1)

        async with rabbitmq_stopped(amqp_url):
            written = []
            for _ in range(10):
                async with sessionmaker() as session, session.begin():
                    written.append(await add_to_outbox(session, UserDisabled(user_id=uuid.uuid4()), "gw"))
                relay.wake()

            async def relay_has_tried() -> bool:
                async with sessionmaker() as session:
                    row = await session.get(OutboxMessage, written[0].id, populate_existing=True)
                    return row is not None and row.attempts > 0

            # The relay keeps trying while the broker is down and records why it could not publish.
            await eventually(relay_has_tried)

        # The robust connections come back by themselves; the relay drains the outbox.
        await received.wait_for(11, within=60)
    finally:
        await relay.close()
        await consumer.stop()
        await consumer_bus.close()
        await producer_bus.close()

    assert received.ids[0] == before.id
    assert sorted(map(str, received.ids[1:])) == sorted(str(e.id) for e in written)
    async with sessionmaker() as session:
        query = sa.select(OutboxMessage).where(OutboxMessage.id.in_([e.id for e in written]))
        rows = (await session.execute(query)).scalars().all()
    assert all(row.published_at is not None for row in rows)
    assert any(row.attempts > 1 and row.last_error is None for row in rows)
