"""The RabbitMQ event bus (aio-pika): publishing with confirms, quorum-queue consumers with a
delivery limit and a dead-letter queue, idempotent handlers, and the transactional outbox (I3)."""

from obzvon_platform.bus.connection import Bus, BusNotConnectedError, UnroutableError
from obzvon_platform.bus.consumer import Consumer, Handler
from obzvon_platform.bus.dead_letters import dead_letter_count, replay_dead_letters
from obzvon_platform.bus.dispatcher import Dispatcher
from obzvon_platform.bus.idempotency import claim_message, idempotent, purge_processed
from obzvon_platform.bus.outbox import add_to_outbox, call_after_commit, pending_count, purge_published
from obzvon_platform.bus.relay import OutboxRelay, OutboxRelayError
from obzvon_platform.bus.topology import (
    DEFAULT_DELIVERY_LIMIT,
    DEFAULT_EXCHANGE,
    QueueSpec,
    dead_letter_queue_name,
    declare_exchange,
    declare_queue,
)

__all__ = [
    "DEFAULT_DELIVERY_LIMIT",
    "DEFAULT_EXCHANGE",
    "Bus",
    "BusNotConnectedError",
    "Consumer",
    "Dispatcher",
    "Handler",
    "OutboxRelay",
    "OutboxRelayError",
    "QueueSpec",
    "UnroutableError",
    "add_to_outbox",
    "call_after_commit",
    "claim_message",
    "dead_letter_count",
    "dead_letter_queue_name",
    "declare_exchange",
    "declare_queue",
    "idempotent",
    "pending_count",
    "purge_processed",
    "purge_published",
    "replay_dead_letters",
]
