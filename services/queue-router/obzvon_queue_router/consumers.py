"""The ``queue-router.events`` queue: call events from the dialer and operator state changes from the
gateway. Each message is claimed in ``processed_messages`` in the transaction of its effects (I3)."""

import structlog
from obzvon_events import Envelope, parse
from obzvon_events.calls import CallAnswered, CallConnectedToOperator, CallEnded, CallOperatorMissed
from obzvon_events.cards import CardSaved
from obzvon_events.operators import OperatorStateChanged
from obzvon_platform.bus import Bus, Consumer, QueueSpec, claim_message

from obzvon_queue_router.calls import handlers
from obzvon_queue_router.queue import dispatch
from obzvon_queue_router.queue.router import PRODUCER, Router

log = structlog.get_logger(__name__)

QUEUE = "queue-router.events"
CONSUMER = "queue-router.events"
EVENTS = (
    CallAnswered,
    CallConnectedToOperator,
    CallOperatorMissed,
    CallEnded,
    OperatorStateChanged,
    CardSaved,
)


class RouterEvents:
    def __init__(self, router: Router) -> None:
        self.router = router

    def consumer(self, bus: Bus, queue: str = QUEUE) -> Consumer:
        spec = QueueSpec(queue, tuple(sorted({e.routing_key for e in EVENTS})))
        return Consumer(bus, spec, self.handle, prefetch=50)

    async def handle(self, envelope: Envelope) -> None:
        if not any((e.name, e.version) == (envelope.name, envelope.version) for e in EVENTS):
            return
        if envelope.producer == PRODUCER and envelope.name == OperatorStateChanged.name:
            return  # our own changes: the router already acted on them
        message = parse(envelope)
        router = self.router
        async with router.transaction() as db:
            if not await claim_message(db, CONSUMER, envelope.id):
                return
            if isinstance(message, CallAnswered):
                await handlers.on_answered(router, db, message)
            elif isinstance(message, CallConnectedToOperator):
                await handlers.on_connected(router, db, message)
            elif isinstance(message, CallOperatorMissed):
                await handlers.on_missed(router, db, message)
            elif isinstance(message, CallEnded):
                await handlers.on_ended(router, db, message)
            elif isinstance(message, OperatorStateChanged):
                for project_id in message.project_ids:
                    if project_id in router.queues:
                        await dispatch.dispatch(router, db, project_id)
            else:
                await dispatch.dispatch(router, db, message.project_id)
