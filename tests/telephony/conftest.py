"""The telephony stack on real Postgres, RabbitMQ and Redis, with pbx-sim in-process over a real AMI
socket: the dialer app (AMI adapter, commands, outbox relay) and the reporting app (call records),
each with its own lifespan, on a database and an exchange of this package's own.

pbx-sim runs ten times faster than real time with the last-digit rules; the dialer keeps its
production watchdog timers (Ping every 3 s, 3 s to answer) so the black-hole test measures them.
"""

import uuid
from collections.abc import AsyncIterator
from pathlib import Path

import httpx
import pytest
from asgi_lifespan import LifespanManager
from fastapi import FastAPI
from obzvon_db.session import create_engine, create_sessionmaker
from obzvon_dialer.main import create_app as create_dialer
from obzvon_dialer.runtime import Telephony
from obzvon_dialer.settings import AmiSettings
from obzvon_pbx_sim import OperatorMode, PbxSim, SimConfig
from obzvon_pbx_sim.config import RulesKind
from obzvon_platform.bus import Bus
from obzvon_platform.settings import CommonSettings
from obzvon_reporting.main import create_app as create_reporting
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from tests.fixtures.database import create_test_database, drop_test_database
from tests.telephony.stack import SCALE, EventWatch, World, build_world

AMI_USER = "obzvon-test"
AMI_SECRET = uuid.uuid4().hex


@pytest.fixture(scope="package")
async def telephony_database() -> AsyncIterator[str]:
    url = await create_test_database(prefix="obzvon_tel_test")
    yield url
    await drop_test_database(url)


@pytest.fixture(scope="package")
def common(telephony_database: str, amqp_url: str, redis_url: str, redis_prefix: str) -> CommonSettings:
    return CommonSettings(
        database_url=telephony_database,
        amqp_url=amqp_url,
        redis_url=redis_url,
        redis_prefix=f"{redis_prefix}:telephony",
        exchange=f"obzvon.events.telephony.{uuid.uuid4().hex[:8]}",
        log_json=False,
    )


@pytest.fixture(scope="package")
async def sessions(common: CommonSettings) -> AsyncIterator[async_sessionmaker[AsyncSession]]:
    engine = create_engine(common.database_url)
    yield create_sessionmaker(engine)
    await engine.dispose()


@pytest.fixture(scope="package")
def recordings(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("monitor")


@pytest.fixture(scope="package")
async def sim(recordings: Path) -> AsyncIterator[PbxSim]:
    config = SimConfig(
        username=AMI_USER,
        secret=AMI_SECRET,
        port=0,
        rules=RulesKind.LAST_DIGIT,
        seed=11,
        time_scale=SCALE,
        recordings_dir=recordings,
        operators=["101"],
        operator_answer_delay=1.0,
        amd_seconds=2.0,
        auth_fail_delay=0.05,
    )
    async with PbxSim(config) as started:
        started.endpoints.add_operator("102", OperatorMode.NEVER)
        started.endpoints.add_operator("103", OperatorMode.BUSY)
        yield started


@pytest.fixture(scope="package")
def ami_settings(sim: PbxSim) -> AmiSettings:
    return AmiSettings(
        port=sim.ami_port,
        user=AMI_USER,
        secret=AMI_SECRET,
        instance_id=f"dialer-test-{uuid.uuid4().hex[:6]}",
        reconnect_min=0.2,
        reconnect_max=1.0,
        login_timeout=2.0,
        unknown_retry_seconds=120,
    )


@pytest.fixture(scope="package")
async def dialer_app(common: CommonSettings, ami_settings: AmiSettings) -> AsyncIterator[FastAPI]:
    app = create_dialer(common, ami_settings)
    async with LifespanManager(app, startup_timeout=30, shutdown_timeout=30):
        yield app


@pytest.fixture(scope="package")
async def reporting_app(common: CommonSettings) -> AsyncIterator[FastAPI]:
    app = create_reporting(common)
    async with LifespanManager(app, startup_timeout=30, shutdown_timeout=30):
        yield app


@pytest.fixture(scope="package")
def telephony(dialer_app: FastAPI, reporting_app: FastAPI) -> Telephony:
    """The running adapter (with reporting writing call records beside it)."""
    adapter: Telephony = dialer_app.state.telephony
    return adapter


@pytest.fixture(scope="package")
async def commands(common: CommonSettings) -> AsyncIterator[Bus]:
    """A bus on the stack's exchange, for sending commands as queue-router and the gateway do."""
    bus = Bus(common.amqp_url, exchange=common.exchange, connection_name="tests-telephony")
    await bus.connect()
    yield bus
    await bus.close()


@pytest.fixture(scope="package")
async def events(commands: Bus) -> AsyncIterator[EventWatch]:
    watch = EventWatch(commands)
    await watch.start()
    yield watch
    await watch.stop()


@pytest.fixture(scope="package")
async def world(sessions: async_sessionmaker[AsyncSession]) -> World:
    return await build_world(sessions)


@pytest.fixture
async def connected(telephony: Telephony, events: EventWatch) -> Telephony:
    """The adapter, logged in to the PBX (a fault test before may have left it reconnecting)."""
    await telephony.connection.wait_connected(15)
    return telephony


@pytest.fixture
async def dialer_http(dialer_app: FastAPI) -> AsyncIterator[httpx.AsyncClient]:
    transport = httpx.ASGITransport(app=dialer_app)
    async with httpx.AsyncClient(transport=transport, base_url="http://dialer") as client:
        yield client
