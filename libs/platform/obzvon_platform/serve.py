"""Run a service's ASGI app with uvicorn, logging through structlog."""

from collections.abc import Callable

import uvicorn
from fastapi import FastAPI
from pydantic_settings import BaseSettings


class HttpSettings(BaseSettings):
    """Where a service listens. Each service subclasses it with its own env prefix (OBZVON_<SERVICE>_)."""

    host: str = "127.0.0.1"
    port: int = 8000


def run_service(app_factory: Callable[[], FastAPI], http: HttpSettings) -> None:
    uvicorn.run(
        app_factory,
        factory=True,
        host=http.host,
        port=http.port,
        log_config=None,
        proxy_headers=False,
        ws_ping_interval=20,
    )
