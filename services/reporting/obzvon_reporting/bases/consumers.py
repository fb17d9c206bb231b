"""The ``reporting.base_imports`` queue: one import at a time per instance (they are heavy), each
command retried at most twice (an import that crashes the process again and again is dead-lettered)."""

from obzvon_events import Envelope
from obzvon_events.commands import ImportContactBase
from obzvon_platform.bus import DEFAULT_EXCHANGE, Bus, Consumer, Dispatcher, QueueSpec

from obzvon_reporting.bases.service import BaseImportRunner

QUEUE = "reporting.base_imports"
DELIVERY_LIMIT = 2


async def _run(runner: BaseImportRunner, command: ImportContactBase) -> None:
    await runner.run(command)


def base_imports_consumer(bus: Bus, runner: BaseImportRunner) -> Consumer:
    dispatcher: Dispatcher[BaseImportRunner] = Dispatcher()
    dispatcher.on(ImportContactBase, _run)

    async def handle(envelope: Envelope) -> None:
        await dispatcher(runner, envelope)

    # On another exchange (a test run sharing the vhost) a queue of its own: a queue's dead-letter
    # exchange is fixed when it is declared.
    name = QUEUE if bus.exchange_name == DEFAULT_EXCHANGE else f"{QUEUE}@{bus.exchange_name}"
    spec = QueueSpec(name, dispatcher.routing_keys, delivery_limit=DELIVERY_LIMIT)
    return Consumer(bus, spec, handle, prefetch=1)
