"""The queue-router service's ASGI app."""

from fastapi import FastAPI
from obzvon_platform.app import create_service_app
from obzvon_platform.settings import CommonSettings, common_settings

from obzvon_queue_router.runtime import lifespan_hooks
from obzvon_queue_router.settings import RouterSettings


def create_app(settings: CommonSettings | None = None, router: RouterSettings | None = None) -> FastAPI:
    on_startup, on_shutdown = lifespan_hooks(router or RouterSettings())
    return create_service_app(
        "queue-router", settings or common_settings(), on_startup=on_startup, on_shutdown=on_shutdown
    )
