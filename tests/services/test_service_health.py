"""Every service answers /healthz, /readyz (its Postgres, RabbitMQ and Redis) and /metrics."""

import importlib

import httpx
import pytest
from asgi_lifespan import LifespanManager
from obzvon_platform.settings import CommonSettings

FACTORIES = [
    "obzvon_gateway.main",
    "obzvon_dialer.main",
    "obzvon_queue_router.main",
    "obzvon_reporting.main",
    "obzvon_integrations.main",
]


@pytest.fixture
def settings(database_url: str, amqp_url: str, redis_url: str, redis_prefix: str) -> CommonSettings:
    return CommonSettings(
        database_url=database_url, amqp_url=amqp_url, redis_url=redis_url, redis_prefix=redis_prefix
    )


@pytest.mark.parametrize("module", FACTORIES)
async def test_health_readiness_and_metrics(module: str, settings: CommonSettings) -> None:
    app = importlib.import_module(module).create_app(settings)
    async with LifespanManager(app) as manager:
        transport = httpx.ASGITransport(app=manager.app)
        async with httpx.AsyncClient(transport=transport, base_url="http://test") as client:
            assert (await client.get("/healthz")).json()["status"] == "ok"
            ready = await client.get("/readyz")
            assert ready.status_code == 200, ready.text
            assert ready.json()["checks"] == {"postgres": "ok", "redis": "ok", "rabbitmq": "ok"}
            metrics = await client.get("/metrics")
            assert "obzvon_http_requests_total" in metrics.text


async def test_readiness_reports_an_unreachable_database(settings: CommonSettings) -> None:
    broken = settings.model_copy(update={"database_url": "postgresql+asyncpg://postgres@127.0.0.1:1/none"})
    app = importlib.import_module("obzvon_reporting.main").create_app(broken)
    async with LifespanManager(app) as manager:
        transport = httpx.ASGITransport(app=manager.app)
        async with httpx.AsyncClient(transport=transport, base_url="http://test") as client:
            ready = await client.get("/readyz")
    assert ready.status_code == 503
    assert ready.json()["checks"]["postgres"].startswith("error")
