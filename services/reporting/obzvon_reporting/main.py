"""The reporting service's ASGI app: call records and base imports, both fed by the bus."""

import contextlib

from fastapi import FastAPI
from obzvon_platform.app import create_service_app
from obzvon_platform.bus import Consumer
from obzvon_platform.resources import Resources
from obzvon_platform.settings import CommonSettings, common_settings

from obzvon_reporting.bases.consumers import base_imports_consumer
from obzvon_reporting.bases.service import BaseImportRunner
from obzvon_reporting.calls.runtime import start_call_records, stop_call_records


async def _start(app: FastAPI, resources: Resources) -> None:
    await start_call_records(app, resources)
    bus = app.state.call_records.bus  # one connection for the service's consumers
    imports = base_imports_consumer(bus, BaseImportRunner(bus, resources.engine))
    app.state.base_imports = imports
    await imports.start()


async def _stop(app: FastAPI, resources: Resources) -> None:
    imports: Consumer | None = getattr(app.state, "base_imports", None)
    if imports is not None:
        with contextlib.suppress(Exception):
            await imports.stop()
    await stop_call_records(app, resources)


def create_app(settings: CommonSettings | None = None) -> FastAPI:
    return create_service_app(
        "reporting", settings or common_settings(), on_startup=_start, on_shutdown=_stop
    )
