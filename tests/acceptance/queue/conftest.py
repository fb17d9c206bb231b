"""The queue router's acceptance stack: pbx-sim over a real AMI socket, the dialer (AMI adapter,
commands, campaign loop), queue-router, reporting (call records) and the gateway (REST and /ws), each
with its own lifespan, on the real Postgres, RabbitMQ and Redis (``tests.fixtures.pbx_stack``).

Operators' phones never answer by themselves (the tests pick up and decline); see ``stack.py`` for the
clock and the clients' behaviour.
"""

import uuid
from collections.abc import AsyncIterator

import pytest
from asgi_lifespan import LifespanManager
from fastapi import FastAPI
from obzvon_dialer.campaign.settings import CampaignSettings
from obzvon_dialer.runtime import Telephony
from obzvon_gateway.main import create_app as create_gateway
from obzvon_gateway.settings import GatewaySettings
from obzvon_pbx_sim import OperatorMode, PbxSim, SimConfig
from obzvon_pbx_sim.config import RulesKind
from obzvon_platform.bus import Bus
from obzvon_platform.settings import CommonSettings
from obzvon_queue_router.settings import RouterSettings
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from tests.acceptance.queue.floor import Floor
from tests.acceptance.queue.services import QueueRouterService
from tests.acceptance.queue.stack import HEARTBEAT_TIMEOUT, SCALE, STAYING_CLIENTS, Stack
from tests.acceptance.queue.watch import BusWatch
from tests.fixtures.pbx_stack import (
    StackConfig,
    ami_settings,
    common,
    dialer_app,
    reporting_app,
    sessions,
    sim,
    stack_database,
)
from tests.fixtures.serving import served
from tests.services.api_gateway.client import ORIGIN
from tests.services.api_gateway.factories import FAST_HASHER

#: The stack's fixtures, for this package.
__all__ = ["ami_settings", "common", "dialer_app", "reporting_app", "sessions", "sim", "stack_database"]


@pytest.fixture(scope="package")
def stack_config(tmp_path_factory: pytest.TempPathFactory) -> StackConfig:
    pbx = SimConfig(
        username="obzvon-queue",
        secret=uuid.uuid4().hex,
        port=0,
        rules=RulesKind.LAST_DIGIT,
        seed=5,
        time_scale=SCALE,
        model=STAYING_CLIENTS,
        recordings_dir=tmp_path_factory.mktemp("monitor"),
        operator_mode=OperatorMode.NEVER,
        auth_fail_delay=0.05,
    )
    campaign = CampaignSettings(tick_seconds=0.2, time_scale=SCALE, error_retry_seconds=10**6)
    return StackConfig("queue", pbx, ami={"lease_seconds": 3.0, "reconcile_interval": 1.0}, campaign=campaign)


@pytest.fixture(scope="package")
async def queue_router(common: CommonSettings) -> AsyncIterator[QueueRouterService]:
    settings = RouterSettings(
        heartbeat_timeout=HEARTBEAT_TIMEOUT,
        heartbeat_check_interval=0.2,
        timeout_scale=SCALE,
        retry_seconds=0.3,
        offer_grace_seconds=2.0,
        reconcile_interval=1.0,
        task_poll_interval=0.2,
        outbox_poll_interval=0.5,
        events_queue=f"queue-router.events@{common.exchange}",
    )
    service = QueueRouterService(common, settings)
    await service.start()
    yield service
    await service.stop()


@pytest.fixture(scope="package")
async def gateway_app(
    common: CommonSettings, tmp_path_factory: pytest.TempPathFactory
) -> AsyncIterator[FastAPI]:
    settings = GatewaySettings(
        **common.model_dump(),
        allowed_origins=[ORIGIN],
        ws_heartbeat_ttl_seconds=int(HEARTBEAT_TIMEOUT),
        outbox_poll_seconds=0.5,
        spa_dist=tmp_path_factory.mktemp("no-spa") / "dist",
        uploads_dir=tmp_path_factory.mktemp("uploads"),
    )
    app = create_gateway(settings, hasher=FAST_HASHER)
    async with LifespanManager(app, startup_timeout=30, shutdown_timeout=30):
        yield app


@pytest.fixture(scope="package")
async def stack(
    common: CommonSettings,
    sessions: async_sessionmaker[AsyncSession],
    sim: PbxSim,
    dialer_app: FastAPI,
    reporting_app: FastAPI,
    queue_router: QueueRouterService,
    gateway_app: FastAPI,
) -> AsyncIterator[Stack]:
    telephony: Telephony = dialer_app.state.telephony
    await telephony.connection.wait_connected(15)
    async with served(gateway_app) as ws_url, Bus(common.amqp_url, exchange=common.exchange) as bus:
        watch = BusWatch(bus)
        await watch.start()
        yield Stack(sessions, sim, watch, bus, queue_router, gateway_app, ws_url)
        await watch.stop()


@pytest.fixture
async def floor(stack: Stack) -> AsyncIterator[Floor]:
    """This test's operators, projects and calls; calls still up are hung up and apps closed after it."""
    floor = Floor(stack)
    try:
        yield floor
    finally:
        await floor.close()
        if stack.router.app is None:
            await stack.router.start()
