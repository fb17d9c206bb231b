"""The FastAPI app factory every service uses: logging, problem+json, request ids, health and metrics."""

import uuid
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager

import structlog
from fastapi import FastAPI, Request, Response
from fastapi.responses import JSONResponse
from fastapi.routing import APIRoute
from starlette.middleware.base import BaseHTTPMiddleware, RequestResponseEndpoint

from obzvon_platform.logging import configure_logging
from obzvon_platform.metrics import install_metrics
from obzvon_platform.problem import install_problem_handlers
from obzvon_platform.resources import Resources
from obzvon_platform.settings import CommonSettings

Hook = Callable[[FastAPI, Resources], Awaitable[None]]


class RequestIdMiddleware(BaseHTTPMiddleware):
    async def dispatch(self, request: Request, call_next: RequestResponseEndpoint) -> Response:
        request_id = request.headers.get("x-request-id") or uuid.uuid4().hex
        structlog.contextvars.bind_contextvars(request_id=request_id)
        try:
            response = await call_next(request)
        finally:
            structlog.contextvars.unbind_contextvars("request_id")
        response.headers["X-Request-ID"] = request_id
        return response


def operation_id_from_name(route: APIRoute) -> str:
    """Clean OpenAPI operation ids: the endpoint function's name (`login`, `set_my_state`)."""
    return route.name


def create_service_app(
    service: str,
    settings: CommonSettings,
    *,
    on_startup: Hook | None = None,
    on_shutdown: Hook | None = None,
    with_amqp: bool = True,
    **fastapi_kwargs: object,
) -> FastAPI:
    """Build a service app whose lifespan opens Postgres, Redis and RabbitMQ and runs the service's hooks."""
    configure_logging(service, settings.log_level, settings.log_json)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        resources = await Resources.open(settings, with_amqp=with_amqp)
        app.state.resources = resources
        try:
            if on_startup is not None:
                await on_startup(app, resources)
            yield
        finally:
            if on_shutdown is not None:
                await on_shutdown(app, resources)
            await resources.close()

    app = FastAPI(
        title=f"Obzvon {service}",
        lifespan=lifespan,
        generate_unique_id_function=operation_id_from_name,
        **fastapi_kwargs,  # type: ignore[arg-type]
    )
    install_problem_handlers(app)
    install_metrics(app, service)
    app.add_middleware(RequestIdMiddleware)

    @app.get("/healthz", include_in_schema=False)
    async def healthz() -> dict[str, str]:
        return {"status": "ok", "service": service}

    @app.get("/readyz", include_in_schema=False)
    async def readyz(request: Request) -> JSONResponse:
        checks = await request.app.state.resources.check()
        ready = all(v == "ok" for v in checks.values())
        return JSONResponse(
            {"status": "ok" if ready else "unavailable", "checks": checks}, 200 if ready else 503
        )

    return app
