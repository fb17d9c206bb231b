"""The gateway app on this run's Postgres, RabbitMQ and Redis, shared by the gateway tests.

The app's lifespan (outbox relay, live delivery, revocation listener) runs only while these tests run,
on an exchange of its own, and a uvicorn server on a free loopback port serves the same app for
WebSocket tests.
"""

import uuid
from collections.abc import AsyncIterator, Callable

import pytest
from asgi_lifespan import LifespanManager
from fastapi import FastAPI
from obzvon_gateway.context import GatewayContext
from obzvon_gateway.main import create_app
from obzvon_gateway.settings import GatewaySettings
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from tests.fixtures.serving import served
from tests.services.api_gateway.client import ORIGIN, ApiClient
from tests.services.api_gateway.factories import FAST_HASHER, World, build_world

ClientFactory = Callable[..., ApiClient]


@pytest.fixture(scope="package")
def gateway_settings(
    database_url: str,
    amqp_url: str,
    redis_url: str,
    redis_prefix: str,
    tmp_path_factory: pytest.TempPathFactory,
) -> GatewaySettings:
    return GatewaySettings(
        database_url=database_url,
        amqp_url=amqp_url,
        redis_url=redis_url,
        redis_prefix=f"{redis_prefix}:gateway",
        exchange=f"obzvon.events.gateway.{uuid.uuid4().hex[:8]}",
        allowed_origins=[ORIGIN],
        ws_session_check_seconds=1.0,
        spa_dist=tmp_path_factory.mktemp("no-spa") / "dist",
        log_json=False,
    )


@pytest.fixture(scope="package")
async def gateway_app(gateway_settings: GatewaySettings) -> AsyncIterator[FastAPI]:
    app = create_app(gateway_settings, hasher=FAST_HASHER)
    async with LifespanManager(app, startup_timeout=30, shutdown_timeout=30):
        yield app


@pytest.fixture(scope="package")
def gateway(gateway_app: FastAPI) -> GatewayContext:
    context: GatewayContext = gateway_app.state.gateway
    return context


@pytest.fixture(scope="package")
def sessions(gateway: GatewayContext) -> async_sessionmaker[AsyncSession]:
    """Sessions on the app's own engine, for setting up and checking committed data."""
    return gateway.resources.sessions


@pytest.fixture(scope="package")
async def world(sessions: async_sessionmaker[AsyncSession]) -> World:
    return await build_world(sessions)


@pytest.fixture
async def client_factory(gateway_app: FastAPI) -> AsyncIterator[ClientFactory]:
    clients: list[ApiClient] = []

    def make(ip: str = "127.0.0.1", app: FastAPI | None = None) -> ApiClient:
        client = ApiClient(app or gateway_app, ip)
        clients.append(client)
        return client

    yield make
    for client in clients:
        await client.close()


@pytest.fixture
def random_ip() -> str:
    """A client address of this test's own (rate limits are per address)."""
    value = uuid.uuid4().int
    return f"10.{value % 250 + 1}.{(value >> 8) % 250 + 1}.{(value >> 16) % 250 + 1}"


@pytest.fixture(scope="package")
async def ws_base_url(gateway_app: FastAPI) -> AsyncIterator[str]:
    """`ws://127.0.0.1:<port>` of uvicorn serving the already started app (its lifespan is ours)."""
    async with served(gateway_app) as url:
        yield url
