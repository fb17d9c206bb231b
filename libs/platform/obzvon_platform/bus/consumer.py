"""Consumer runner: ack on success, return the message on failure, dead-letter garbage.

A failing handler's message is returned to its quorum queue (``nack(requeue=True)``) after a short,
growing delay, so a transient failure (Postgres restarting) is retried a few times and a poison
message ends in ``<queue>.dlq`` once the queue's ``x-delivery-limit`` is used up. A body that is not
an envelope can never succeed and is dead-lettered at once. Handlers must be idempotent: any message
may be delivered again (see ``idempotent``).
"""

import asyncio
import contextlib
from collections.abc import Awaitable, Callable

import structlog
from aio_pika.abc import AbstractIncomingMessage, AbstractQueue, AbstractRobustChannel, ConsumerTag
from aio_pika.exceptions import AMQPError, ChannelInvalidStateError
from obzvon_events import Envelope
from pydantic import ValidationError

from obzvon_platform.bus.connection import Bus
from obzvon_platform.bus.messages import delivery_count
from obzvon_platform.bus.metrics import CONSUMED
from obzvon_platform.bus.topology import QueueSpec, declare_queue

log = structlog.get_logger(__name__)

Handler = Callable[[Envelope], Awaitable[None]]


class Consumer:
    """Consumes one queue with one handler; ``start()`` declares the topology and begins consuming."""

    def __init__(
        self,
        bus: Bus,
        spec: QueueSpec,
        handler: Handler,
        *,
        prefetch: int = 10,
        retry_delay: float = 0.5,
        max_retry_delay: float = 30.0,
    ) -> None:
        self.bus = bus
        self.spec = spec
        self.handler = handler
        self.prefetch = prefetch
        self.retry_delay = retry_delay
        self.max_retry_delay = max_retry_delay
        self._channel: AbstractRobustChannel | None = None
        self._queue: AbstractQueue | None = None
        self._tag: ConsumerTag | None = None
        self._in_flight: set[asyncio.Task[object]] = set()

    async def start(self) -> None:
        channel = await self.bus.channel(prefetch=self.prefetch)
        self._channel = channel
        self._queue = await declare_queue(channel, self.spec, self.bus.exchange_name)
        self._tag = await self._queue.consume(self._on_message)
        log.info("bus.consuming", queue=self.spec.name, routing_keys=list(self.spec.routing_keys))

    async def stop(self, drain_seconds: float = 10.0) -> None:
        """Stop taking messages, let handlers in progress finish (up to ``drain_seconds``) and close the
        channel; whatever is still unacknowledged goes back to the queue."""
        queue, tag, channel = self._queue, self._tag, self._channel
        self._queue = self._tag = self._channel = None
        if queue is not None and tag is not None and channel is not None and not channel.is_closed:
            with contextlib.suppress(AMQPError, ChannelInvalidStateError, ConnectionError):
                await queue.cancel(tag)
        if self._in_flight:
            await asyncio.wait(set(self._in_flight), timeout=drain_seconds)
        if channel is not None:
            await channel.close()

    async def __aenter__(self) -> "Consumer":
        await self.start()
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        await self.stop()

    def retry_delay_for(self, returned: int) -> float:
        """Delay before returning a failed message that was already returned ``returned`` times."""
        return float(min(self.max_retry_delay, self.retry_delay * 2**returned))

    async def _on_message(self, message: AbstractIncomingMessage) -> None:
        task = asyncio.current_task()
        if task is not None:
            self._in_flight.add(task)
        try:
            await self._handle(message)
        finally:
            if task is not None:
                self._in_flight.discard(task)

    async def _handle(self, message: AbstractIncomingMessage) -> None:
        queue = self.spec.name
        try:
            envelope = Envelope.from_json_bytes(message.body)
        except ValidationError as exc:
            log.error("bus.malformed_message", queue=queue, message_id=message.message_id, error=str(exc))
            CONSUMED.labels(queue, "rejected").inc()
            await _settle(message.reject(requeue=False), queue)
            return
        bound = log.bind(queue=queue, message_id=str(envelope.id), message_name=envelope.name)
        try:
            await self.handler(envelope)
        except Exception:
            returned = delivery_count(message)
            bound.exception("bus.handler_failed", returned=returned, delivery_limit=self.spec.delivery_limit)
            if self.spec.per_instance:
                CONSUMED.labels(queue, "dropped").inc()
                await _settle(message.reject(requeue=False), queue)
                return
            if returned >= self.spec.delivery_limit:
                # This return uses up the delivery limit: the broker moves it to <queue>.dlq now.
                CONSUMED.labels(queue, "dead_lettered").inc()
            else:
                CONSUMED.labels(queue, "retry").inc()
                await asyncio.sleep(self.retry_delay_for(returned))
            await _settle(message.nack(requeue=True), queue)
            return
        CONSUMED.labels(queue, "ack").inc()
        await _settle(message.ack(), queue)


async def _settle(outcome: Awaitable[None], queue: str) -> None:
    """Send an ack/nack/reject; if the channel is gone the broker returns the message by itself."""
    try:
        await outcome
    except (AMQPError, ChannelInvalidStateError, ConnectionError) as exc:
        log.warning("bus.settle_failed", queue=queue, error=repr(exc))
