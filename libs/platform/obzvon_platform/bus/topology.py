"""Exchanges and queues: one durable topic exchange, quorum queues with a delivery limit and a DLQ.

Layout for an exchange ``obzvon.events`` and a queue ``reporting.calls``:

- ``obzvon.events`` — durable topic exchange every event and command is published to;
- ``obzvon.events.dlx`` — durable direct exchange receiving dead letters;
- ``reporting.calls`` — durable quorum queue bound to the exchange with the spec's routing keys,
  ``x-delivery-limit`` set explicitly (RabbitMQ 3.x has no default limit, 4.x defaults to 20) and
  dead-lettering to ``obzvon.events.dlx`` with routing key ``reporting.calls.dlq``;
- ``reporting.calls.dlq`` — durable quorum queue holding poison messages for inspection and replay.

Queue arguments cannot change once a queue exists (the broker refuses the redeclaration); change a
queue by giving it a new name, or through a RabbitMQ policy.
"""

from dataclasses import dataclass, field

import aio_pika
from aio_pika.abc import AbstractChannel, AbstractExchange, AbstractQueue
from pamqp.common import FieldTable

DEFAULT_EXCHANGE = "obzvon.events"
DEFAULT_DELIVERY_LIMIT = 5


def dead_letter_exchange_name(exchange: str) -> str:
    return f"{exchange}.dlx"


def dead_letter_queue_name(queue: str) -> str:
    return f"{queue}.dlq"


@dataclass(frozen=True)
class QueueSpec:
    """A consumer's queue: its name (``<service>.<purpose>``) and the routing keys it is bound with.

    ``delivery_limit`` is how many times a message may be returned (nack, crash, lost channel)
    before it is dead-lettered: a handler runs at most ``delivery_limit + 1`` times per message.

    ``per_instance`` queues are for fan-out to every running instance of a service (e.g. each
    gateway closing a disabled user's WebSockets): exclusive, deleted with the connection, not
    durable and without a DLQ; put the instance id in the name. A failed message there is dropped.
    """

    name: str
    routing_keys: tuple[str, ...]
    delivery_limit: int = DEFAULT_DELIVERY_LIMIT
    extra_arguments: FieldTable = field(default_factory=dict)
    per_instance: bool = False

    def __post_init__(self) -> None:
        if not self.name or self.name.endswith(".dlq"):
            raise ValueError(f"bad queue name {self.name!r}")
        if not self.routing_keys:
            raise ValueError(f"queue {self.name!r} needs at least one routing key")
        if self.delivery_limit < 0:
            raise ValueError("delivery_limit must not be negative")

    def arguments(self, exchange: str) -> FieldTable:
        return {
            "x-queue-type": "quorum",
            "x-delivery-limit": self.delivery_limit,
            "x-dead-letter-exchange": dead_letter_exchange_name(exchange),
            "x-dead-letter-routing-key": dead_letter_queue_name(self.name),
            **self.extra_arguments,
        }


async def declare_exchange(channel: AbstractChannel, name: str = DEFAULT_EXCHANGE) -> AbstractExchange:
    """Declare (idempotently) the durable topic exchange."""
    return await channel.declare_exchange(name, aio_pika.ExchangeType.TOPIC, durable=True)


async def declare_queue(
    channel: AbstractChannel, spec: QueueSpec, exchange: str = DEFAULT_EXCHANGE
) -> AbstractQueue:
    """Declare the exchange, the dead-letter exchange and queue, the queue itself and its bindings."""
    events = await declare_exchange(channel, exchange)
    if spec.per_instance:
        queue = await channel.declare_queue(
            spec.name, durable=False, exclusive=True, auto_delete=True, arguments=spec.extra_arguments
        )
    else:
        await _declare_dead_letter_queue(channel, spec, exchange)
        queue = await channel.declare_queue(spec.name, durable=True, arguments=spec.arguments(exchange))
    for routing_key in spec.routing_keys:
        await queue.bind(events, routing_key=routing_key)
    return queue


async def _declare_dead_letter_queue(channel: AbstractChannel, spec: QueueSpec, exchange: str) -> None:
    dlx = await channel.declare_exchange(
        dead_letter_exchange_name(exchange), aio_pika.ExchangeType.DIRECT, durable=True
    )
    dlq = await channel.declare_queue(
        dead_letter_queue_name(spec.name), durable=True, arguments={"x-queue-type": "quorum"}
    )
    await dlq.bind(dlx, routing_key=dead_letter_queue_name(spec.name))
