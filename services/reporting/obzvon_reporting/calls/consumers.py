"""The ``reporting.calls`` queue: call events → call records, each event applied once (by its id)
and in any order (see ``facts``)."""

from obzvon_events.calls import CallAnswered, CallConnectedToOperator, CallEnded, CallOriginated
from obzvon_platform.bus import DEFAULT_EXCHANGE, Bus, Consumer, Dispatcher, Handler, QueueSpec, idempotent
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from obzvon_reporting.calls import service

QUEUE = "reporting.calls"
CONSUMER = "reporting.calls"


def call_events() -> Dispatcher[AsyncSession]:
    dispatcher: Dispatcher[AsyncSession] = Dispatcher()
    dispatcher.on(CallOriginated, service.on_originated)
    dispatcher.on(CallAnswered, service.on_answered)
    dispatcher.on(CallConnectedToOperator, service.on_connected)
    dispatcher.on(CallEnded, service.on_ended)
    return dispatcher


def call_records_handler(sessions: async_sessionmaker[AsyncSession]) -> Handler:
    """The envelope handler: one transaction per event, skipped when its id was already handled."""
    return idempotent(CONSUMER, sessions, call_events())


def queue_name(exchange: str) -> str:
    """``reporting.calls``; on another exchange (a second installation or a test run sharing the vhost)
    a queue of its own, since a queue's dead-letter exchange is fixed when it is declared."""
    return QUEUE if exchange == DEFAULT_EXCHANGE else f"{QUEUE}@{exchange}"


def call_records_consumer(bus: Bus, sessions: async_sessionmaker[AsyncSession]) -> Consumer:
    spec = QueueSpec(queue_name(bus.exchange_name), call_events().routing_keys)
    return Consumer(bus, spec, call_records_handler(sessions))
