"""Dead-letter queues: count and replay poison messages once their cause is fixed."""

import aio_pika
import aiormq
import structlog

from obzvon_platform.bus.connection import Bus, UnroutableError
from obzvon_platform.bus.topology import dead_letter_queue_name

log = structlog.get_logger(__name__)


async def replay_dead_letters(bus: Bus, queue: str, *, limit: int = 1000) -> int:
    """Move up to ``limit`` messages from ``<queue>.dlq`` back to ``queue`` (only that queue, through
    the default exchange), each confirmed before it is removed from the DLQ. Returns how many moved."""
    channel = await bus.channel(prefetch=1)
    moved = 0
    try:
        await channel.set_qos(prefetch_count=0)
        dlq = await channel.get_queue(dead_letter_queue_name(queue), ensure=True)
        target = channel.default_exchange
        while moved < limit:
            message = await dlq.get(no_ack=False, fail=False)
            if message is None:
                break
            headers = {k: v for k, v in (message.headers or {}).items() if not k.startswith("x-")}
            copy = aio_pika.Message(
                message.body,
                headers=headers or None,
                content_type=message.content_type,
                delivery_mode=aio_pika.DeliveryMode.PERSISTENT,
                message_id=message.message_id,
                type=message.type,
                app_id=message.app_id,
                timestamp=message.timestamp,
            )
            confirm = await target.publish(copy, routing_key=queue, mandatory=True)
            if not isinstance(confirm, aiormq.spec.Basic.Ack):
                await message.nack(requeue=True)
                raise UnroutableError(f"queue {queue!r} does not exist")
            await message.ack()
            moved += 1
    finally:
        await channel.close()
    log.info("bus.dead_letters_replayed", queue=queue, count=moved)
    return moved


async def dead_letter_count(bus: Bus, queue: str) -> int:
    """Messages waiting in ``<queue>.dlq``."""
    channel = await bus.channel(prefetch=1)
    try:
        dlq = await channel.declare_queue(dead_letter_queue_name(queue), passive=True)
        return int(dlq.declaration_result.message_count or 0)
    finally:
        await channel.close()
