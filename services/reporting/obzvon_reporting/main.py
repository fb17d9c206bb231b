"""The reporting service's ASGI app."""

from fastapi import FastAPI
from obzvon_platform.app import create_service_app
from obzvon_platform.settings import CommonSettings, common_settings

from obzvon_reporting.calls.runtime import start_call_records, stop_call_records


def create_app(settings: CommonSettings | None = None) -> FastAPI:
    return create_service_app(
        "reporting",
        settings or common_settings(),
        on_startup=start_call_records,
        on_shutdown=stop_call_records,
    )
