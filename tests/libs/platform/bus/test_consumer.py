"""Consumers ack what they handled, retry failures and dead-letter poison (I3, reliability.md F8)."""

import asyncio
import uuid
from collections import Counter
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import aio_pika
import pytest
from aio_pika.abc import AbstractIncomingMessage
from obzvon_events import Envelope
from obzvon_events.users import UserDisabled, UserSessionsRevoked
from obzvon_platform.bus import (
    Bus,
    Consumer,
    Dispatcher,
    QueueSpec,
    dead_letter_count,
    dead_letter_queue_name,
    replay_dead_letters,
)
from prometheus_client import REGISTRY

from tests.libs.platform.bus.waiting import Received


@asynccontextmanager
async def watch_dead_letters(
    bus: Bus, queue: str, *, ack: bool = True
) -> AsyncIterator[asyncio.Queue[AbstractIncomingMessage]]:
    """Messages arriving in ``<queue>.dlq``, handed over one by one. Unless ``ack``, they stay in the
    DLQ (they are returned when the watch ends)."""
    arrived: asyncio.Queue[AbstractIncomingMessage] = asyncio.Queue()
    channel = await bus.channel()
    dlq = await channel.get_queue(dead_letter_queue_name(queue))

    async def take(message: AbstractIncomingMessage) -> None:
        if ack:
            await message.ack()
        await arrived.put(message)

    await dlq.consume(take)
    try:
        yield arrived
    finally:
        await channel.close()


async def test_handled_messages_are_acknowledged(event_bus: Bus, unique: str) -> None:
    received = Received()
    spec = QueueSpec(f"test.ack.{unique}", ("user.#",))
    async with Consumer(event_bus, spec, received):
        sent = [
            await event_bus.publish_event(UserDisabled(user_id=uuid.uuid4()), "api-gateway") for _ in range(3)
        ]
        await received.wait_for(3)
    assert received.ids == [envelope.id for envelope in sent]
    # Nothing is left unacknowledged: a fresh look at the queue finds it empty.
    channel = await event_bus.channel()
    queue = await channel.declare_queue(spec.name, passive=True)
    assert queue.declaration_result.message_count == 0
    assert await dead_letter_count(event_bus, spec.name) == 0


async def test_poison_message_ends_in_the_dead_letter_queue_after_the_delivery_limit(
    event_bus: Bus, unique: str
) -> None:
    """F8: a handler that always fails gets the message delivery_limit + 1 times, then it is
    dead-lettered; the messages behind it keep flowing."""
    poison_user = uuid.uuid4()
    calls: Counter[uuid.UUID] = Counter()
    handled = Received()

    async def handler(envelope: Envelope) -> None:
        event = UserDisabled.from_envelope(envelope)
        calls[event.user_id] += 1
        if event.user_id == poison_user:
            raise RuntimeError("cannot handle this user")
        await handled(envelope)

    spec = QueueSpec(f"test.poison.{unique}", ("user.account.disabled",), delivery_limit=3)
    consumer = Consumer(event_bus, spec, handler, retry_delay=0.01)
    async with consumer, watch_dead_letters(event_bus, spec.name) as dead:
        poison = await event_bus.publish_event(UserDisabled(user_id=poison_user), "api-gateway")
        fine = [await event_bus.publish_event(UserDisabled(user_id=uuid.uuid4()), "gw") for _ in range(3)]
        message = await asyncio.wait_for(dead.get(), 20)
        await handled.wait_for(3)

    assert message.message_id == str(poison.id)
    assert (message.headers or {}).get("x-first-death-reason") == "delivery_limit"
    assert Envelope.from_json_bytes(message.body) == poison
    assert calls[poison_user] == spec.delivery_limit + 1
    # The alert metric counts it.
    labels = {"queue": spec.name, "outcome": "dead_lettered"}
    assert REGISTRY.get_sample_value("obzvon_bus_consumed_total", labels) == 1
    assert sorted(map(str, handled.ids)) == sorted(str(envelope.id) for envelope in fine)


async def test_garbage_is_dead_lettered_at_once(event_bus: Bus, unique: str) -> None:
    received = Received()
    spec = QueueSpec(f"test.garbage.{unique}", ("user.#",))
    async with Consumer(event_bus, spec, received), watch_dead_letters(event_bus, spec.name) as dead:
        garbage = aio_pika.Message(b"{not json", message_id="junk")
        await event_bus.publish_message(garbage, "user.account.disabled")
        good = await event_bus.publish_event(UserDisabled(user_id=uuid.uuid4()), "api-gateway")
        message = await asyncio.wait_for(dead.get(), 20)
        await received.wait_for(1)

    assert message.body == b"{not json"
    assert (message.headers or {}).get("x-first-death-reason") == "rejected"
    assert received.ids == [good.id]


async def test_dead_letters_can_be_replayed_once_the_cause_is_fixed(event_bus: Bus, unique: str) -> None:
    broken = True
    received = Received()

    async def handler(envelope: Envelope) -> None:
        if broken:
            raise RuntimeError("dependency down")
        await received(envelope)

    spec = QueueSpec(f"test.replay.{unique}", ("user.#",), delivery_limit=1)
    async with Consumer(event_bus, spec, handler, retry_delay=0.01):
        async with watch_dead_letters(event_bus, spec.name, ack=False) as dead:
            sent = await event_bus.publish_event(UserDisabled(user_id=uuid.uuid4()), "api-gateway")
            first = await asyncio.wait_for(dead.get(), 20)
        assert first.message_id == str(sent.id)

    assert await dead_letter_count(event_bus, spec.name) == 1

    broken = False
    assert await replay_dead_letters(event_bus, spec.name) == 1
    async with Consumer(event_bus, spec, handler):
        await received.wait_for(1)
    assert received.ids == [sent.id]
    assert await dead_letter_count(event_bus, spec.name) == 0


async def test_dispatcher_routes_by_message_class_and_skips_the_rest(event_bus: Bus, unique: str) -> None:
    disabled: list[UserDisabled] = []
    done = asyncio.Event()

    async def on_disabled(context: None, event: UserDisabled) -> None:
        disabled.append(event)
        done.set()

    dispatcher: Dispatcher[None] = Dispatcher()
    dispatcher.on(UserDisabled, on_disabled)
    assert dispatcher.routing_keys == ("user.account.disabled",)

    async def handler(envelope: Envelope) -> None:
        await dispatcher(None, envelope)

    spec = QueueSpec(f"test.dispatch.{unique}", ("user.#",))
    async with Consumer(event_bus, spec, handler):
        await event_bus.publish_event(UserSessionsRevoked(user_id=uuid.uuid4()), "api-gateway")
        event = UserDisabled(user_id=uuid.uuid4())
        await event_bus.publish_event(event, "api-gateway")
        await asyncio.wait_for(done.wait(), 20)
    assert disabled == [event]
    assert await dead_letter_count(event_bus, spec.name) == 0


async def test_per_instance_queues_give_every_instance_a_copy(event_bus: Bus, unique: str) -> None:
    """F-01: a disabled user's WebSockets are closed by every gateway instance, so each gets the event."""
    instances = [Received(), Received()]
    consumers = [
        Consumer(event_bus, QueueSpec(f"test.gateway.{unique}.{n}", ("user.#",), per_instance=True), handler)
        for n, handler in enumerate(instances)
    ]
    async with consumers[0], consumers[1]:
        sent = await event_bus.publish_event(UserDisabled(user_id=uuid.uuid4()), "api-gateway")
        for received in instances:
            await received.wait_for(1)
    assert [received.ids for received in instances] == [[sent.id], [sent.id]]

    # The queues went away with their consumers: nothing piles up for instances that are gone.
    channel = await event_bus.channel()
    with pytest.raises(aio_pika.exceptions.ChannelNotFoundEntity):
        await channel.declare_queue(f"test.gateway.{unique}.0", passive=True)
