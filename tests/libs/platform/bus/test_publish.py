"""Publishing waits for the broker's confirm and lands in every bound durable queue (I3)."""

import uuid
from datetime import UTC, datetime

import aio_pika
import pytest
from obzvon_events import Envelope
from obzvon_events.operators import OperatorStateChanged
from obzvon_events.users import UserDisabled
from obzvon_platform.bus import Bus, BusNotConnectedError, QueueSpec, UnroutableError, declare_queue


async def test_confirmed_publish_is_in_the_bound_queue(event_bus: Bus, unique: str) -> None:
    """F-64: an operator state change published by queue-router reaches a subscriber's queue."""
    channel = await event_bus.channel()
    queue = await declare_queue(
        channel, QueueSpec(f"test.monitoring.{unique}", ("operator.#",)), event_bus.exchange_name
    )
    event = OperatorStateChanged(operator_id=uuid.uuid4(), state="active", started_at=datetime.now(UTC))

    envelope = await event_bus.publish_event(event, "queue-router", require_route=True)

    # The confirm means the broker has the message: it is there without waiting.
    message = await queue.get(no_ack=True, fail=True)
    assert message is not None
    assert message.message_id == str(envelope.id)
    assert message.delivery_mode == aio_pika.DeliveryMode.PERSISTENT
    assert message.content_type == "application/json"
    assert message.type == "operator_state_changed"
    assert message.app_id == "queue-router"
    assert message.routing_key == "operator.state.changed"
    assert Envelope.from_json_bytes(message.body) == envelope
    await channel.close()


async def test_queues_are_durable_quorum_queues_with_a_delivery_limit(event_bus: Bus, unique: str) -> None:
    channel = await event_bus.channel()
    spec = QueueSpec(f"test.topology.{unique}", ("user.#",), delivery_limit=7)
    await declare_queue(channel, spec, event_bus.exchange_name)

    # Redeclaring with the same arguments is accepted (every service start does it) ...
    await declare_queue(channel, spec, event_bus.exchange_name)
    # ... and a classic queue of the same name is refused: the existing queue really is a quorum queue.
    with pytest.raises(aio_pika.exceptions.ChannelPreconditionFailed):
        await channel.declare_queue(spec.name, durable=True)
    check = await event_bus.channel()
    dlq = await check.declare_queue(f"{spec.name}.dlq", passive=True)
    assert dlq.name == f"test.topology.{unique}.dlq"
    await check.close()


async def test_unroutable_messages_are_reported(event_bus: Bus) -> None:
    event = UserDisabled(user_id=uuid.uuid4())
    assert await event_bus.publish(event.to_envelope("api-gateway"), "nobody.listens.here") is False
    with pytest.raises(UnroutableError):
        await event_bus.publish(event.to_envelope("api-gateway"), "nobody.listens.here", require_route=True)


async def test_publishing_without_a_connection_fails_fast(amqp_url: str) -> None:
    bus = Bus(amqp_url)
    with pytest.raises(BusNotConnectedError):
        await bus.publish_event(UserDisabled(user_id=uuid.uuid4()), "api-gateway")
    await bus.connect()
    await bus.close()
    assert not bus.is_connected
    with pytest.raises(BusNotConnectedError):
        await bus.publish_event(UserDisabled(user_id=uuid.uuid4()), "api-gateway")
