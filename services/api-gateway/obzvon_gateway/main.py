"""The gateway's ASGI app: REST API, WebSocket, SPA, with sessions, CSRF and security headers."""

from fastapi import FastAPI
from obzvon_platform.app import create_service_app
from obzvon_platform.settings import CommonSettings

from obzvon_gateway.auth.router import router as auth_router
from obzvon_gateway.bases.router import router as bases_router
from obzvon_gateway.blacklist.router import router as blacklist_router
from obzvon_gateway.calls.router import router as calls_router
from obzvon_gateway.cards.router import router as cards_router
from obzvon_gateway.dashboard.router import router as dashboard_router
from obzvon_gateway.demo_phone.router import router as demo_phone_router
from obzvon_gateway.dial_explanation.router import router as dial_explanation_router
from obzvon_gateway.groups.router import router as groups_router
from obzvon_gateway.lifespan import GatewayRuntime
from obzvon_gateway.monitoring.router import router as monitoring_router
from obzvon_gateway.notifications.router import router as notifications_router
from obzvon_gateway.openapi import install_openapi
from obzvon_gateway.operator_state.router import router as operator_state_router
from obzvon_gateway.projects.router import router as projects_router
from obzvon_gateway.recordings.router import router as recordings_router
from obzvon_gateway.result_statuses.router import router as result_statuses_router
from obzvon_gateway.security.csrf import CsrfMiddleware
from obzvon_gateway.security.headers import SecurityHeadersMiddleware
from obzvon_gateway.security.passwords import PasswordHasher, production_hasher
from obzvon_gateway.settings import GatewaySettings, gateway_settings
from obzvon_gateway.spa import install_spa
from obzvon_gateway.tasks.router import router as tasks_router
from obzvon_gateway.tokens.router import router as tokens_router
from obzvon_gateway.trunks.router import router as trunks_router
from obzvon_gateway.users.router import router as users_router
from obzvon_gateway.ws.router import router as ws_router

ROUTERS = (
    auth_router,
    users_router,
    projects_router,
    bases_router,
    result_statuses_router,
    groups_router,
    blacklist_router,
    operator_state_router,
    notifications_router,
    cards_router,
    tasks_router,
    monitoring_router,
    tokens_router,
    trunks_router,
    recordings_router,
    calls_router,
    dashboard_router,
    demo_phone_router,
    dial_explanation_router,
    ws_router,
)


def create_app(settings: CommonSettings | None = None, *, hasher: PasswordHasher | None = None) -> FastAPI:
    """The gateway app; plain `CommonSettings` are completed with the `OBZVON_GATEWAY_*` options."""
    if settings is None:
        settings = gateway_settings()
    elif not isinstance(settings, GatewaySettings):
        settings = GatewaySettings(**settings.model_dump())
    runtime = GatewayRuntime(settings, hasher or production_hasher())
    app = create_service_app(
        "api-gateway",
        settings,
        on_startup=runtime.start,
        on_shutdown=runtime.stop,
        version="0.1.0",
        description="Obzvon REST API. Errors are problem+json, in Russian unless `Accept-Language: en`.",
    )
    app.add_middleware(CsrfMiddleware, allowed_origins=settings.allowed_origins)
    app.add_middleware(SecurityHeadersMiddleware, hsts=settings.cookie_secure)
    for router in ROUTERS:
        app.include_router(router)
    install_openapi(app)
    install_spa(app, settings.spa_dist)
    return app
