"""The service over the real bus: the dialer's ``call_answered`` on the exchange becomes a ``connect_call``
command to the dialer, and the live ``queue_updated`` event for monitoring (F-43, F-64)."""

import asyncio
import time
import uuid
from collections.abc import AsyncIterator

import aio_pika
import pytest
from asgi_lifespan import LifespanManager
from obzvon_db.enums import OperatorState
from obzvon_db.session import create_engine, create_sessionmaker
from obzvon_events import Envelope
from obzvon_events.calls import CallAnswered
from obzvon_platform.bus import Bus, declare_exchange
from obzvon_platform.settings import CommonSettings
from obzvon_queue_router.main import create_app
from obzvon_queue_router.settings import RouterSettings
from redis.asyncio import Redis
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from tests.fixtures.database import create_test_database, drop_test_database
from tests.services.queue_router.factories import add_operators, add_project, choose
from tests.services.queue_router.harness import now


@pytest.fixture
async def own_database() -> AsyncIterator[tuple[str, async_sessionmaker[AsyncSession]]]:
    """A database of this test's own: the service's outbox relay must not meet other tests' rows."""
    url = await create_test_database()
    engine = create_engine(url)
    try:
        yield url, create_sessionmaker(engine)
    finally:
        await engine.dispose()
        await drop_test_database(url)


async def test_answered_call_on_the_bus_is_offered_through_a_command(
    own_database: tuple[str, async_sessionmaker[AsyncSession]],
    amqp_url: str,
    redis_url: str,
    redis_prefix: str,
    redis: Redis,
) -> None:
    database_url, sessions = own_database
    exchange = f"obzvon.events.qr.{uuid.uuid4().hex[:8]}"
    prefix = f"{redis_prefix}:svc"
    settings = CommonSettings(
        database_url=database_url,
        amqp_url=amqp_url,
        redis_url=redis_url,
        redis_prefix=prefix,
        exchange=exchange,
        log_json=False,
    )
    ops = await add_operators(sessions, 1)
    project = await add_project(sessions, ops)
    await choose(sessions, ops[0], OperatorState.ACTIVE)
    await redis.set(f"{prefix}:heartbeat:{ops[0].id}", repr(time.time()), ex=60)
    received: asyncio.Queue[Envelope] = asyncio.Queue()
    connection = await aio_pika.connect(amqp_url)
    channel = await connection.channel()
    listener = await channel.declare_queue(exclusive=True)
    events = await declare_exchange(channel, exchange)
    for key in ("command.dialer.connect", "queue.waiting.updated", "operator.state.changed"):
        await listener.bind(events, key)

    async def collect(message: aio_pika.abc.AbstractIncomingMessage) -> None:
        await received.put(Envelope.from_json_bytes(message.body))

    await listener.consume(collect, no_ack=True)
    app = create_app(
        settings,
        RouterSettings(
            outbox_poll_interval=0.2,
            task_poll_interval=60,
            events_queue=f"queue-router.events.{uuid.uuid4().hex[:8]}",
        ),
    )
    try:
        async with LifespanManager(app, startup_timeout=30, shutdown_timeout=30):
            call_id = uuid.uuid4()
            async with Bus(amqp_url, exchange=exchange) as bus:
                await bus.publish_event(
                    CallAnswered(
                        call_id=call_id, project_id=project.id, phone="79001112233", answered_at=now()
                    ),
                    "dialer",
                    require_route=True,
                )
            seen: dict[str, Envelope] = {}
            async with asyncio.timeout(20):
                while not {"connect_call", "queue_updated", "operator_state_changed"} <= set(seen):
                    envelope = await received.get()
                    if envelope.data.get("call_id") == str(call_id) or envelope.name == "queue_updated":
                        seen.setdefault(envelope.name, envelope)
            assert seen["connect_call"].data["call_id"] == str(call_id)
            assert seen["connect_call"].data["extension"] == ops[0].extension
            ringing = seen["operator_state_changed"].data
            assert (ringing["state"], ringing["operator_id"]) == ("ringing", str(ops[0].id))
            assert seen["queue_updated"].data["project_id"] == str(project.id)
    finally:
        await connection.close()
