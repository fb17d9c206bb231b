"""The campaign engine on real Postgres, RabbitMQ and Redis with pbx-sim in-process (last-digit rules,
ten times faster than real time). Each test builds its own project; retry delays and the global
timeout run at ``CAMPAIGN_SCALE`` of real time."""

import uuid
from collections.abc import AsyncIterator

import pytest
from asgi_lifespan import LifespanManager
from fastapi import FastAPI
from obzvon_db.session import create_engine, create_sessionmaker
from obzvon_dialer.campaign.settings import CampaignSettings
from obzvon_dialer.main import create_app as create_dialer
from obzvon_dialer.runtime import Telephony
from obzvon_dialer.settings import AmiSettings
from obzvon_pbx_sim import PbxSim, SimConfig
from obzvon_pbx_sim.config import RulesKind
from obzvon_platform.settings import CommonSettings
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from tests.campaign.stack import AMI_SECRET, AMI_USER, CAMPAIGN_SCALE, SIM_SCALE
from tests.fixtures.database import create_test_database, drop_test_database


@pytest.fixture(scope="package")
async def campaign_database() -> AsyncIterator[str]:
    url = await create_test_database(prefix="obzvon_campaign_test")
    yield url
    await drop_test_database(url)


@pytest.fixture(scope="package")
def common(campaign_database: str, amqp_url: str, redis_url: str, redis_prefix: str) -> CommonSettings:
    return CommonSettings(
        database_url=campaign_database,
        amqp_url=amqp_url,
        redis_url=redis_url,
        redis_prefix=f"{redis_prefix}:campaign",
        exchange=f"obzvon.events.campaign.{uuid.uuid4().hex[:8]}",
        log_json=False,
    )


@pytest.fixture(scope="package")
async def sessions(common: CommonSettings) -> AsyncIterator[async_sessionmaker[AsyncSession]]:
    engine = create_engine(common.database_url)
    yield create_sessionmaker(engine)
    await engine.dispose()


@pytest.fixture(scope="package")
async def sim(tmp_path_factory: pytest.TempPathFactory) -> AsyncIterator[PbxSim]:
    config = SimConfig(
        username=AMI_USER,
        secret=AMI_SECRET,
        port=0,
        control_port=0,
        rules=RulesKind.LAST_DIGIT,
        seed=7,
        time_scale=SIM_SCALE,
        recordings_dir=tmp_path_factory.mktemp("monitor"),
        auth_fail_delay=0.05,
    )
    async with PbxSim(config) as started:
        yield started


@pytest.fixture(scope="package")
def ami_settings(sim: PbxSim) -> AmiSettings:
    return AmiSettings(
        port=sim.ami_port,
        user=AMI_USER,
        secret=AMI_SECRET,
        instance_id=f"dialer-campaign-{uuid.uuid4().hex[:6]}",
        reconnect_min=0.2,
        reconnect_max=1.0,
        login_timeout=2.0,
        lease_seconds=3.0,
        reconcile_interval=1.0,
    )


@pytest.fixture(scope="package")
async def dialer_app(common: CommonSettings, ami_settings: AmiSettings) -> AsyncIterator[FastAPI]:
    campaign = CampaignSettings(tick_seconds=0.2, time_scale=CAMPAIGN_SCALE, error_retry_seconds=10**6)
    app = create_dialer(common, ami_settings, campaign)
    async with LifespanManager(app, startup_timeout=30, shutdown_timeout=30):
        yield app


@pytest.fixture
async def dialer(dialer_app: FastAPI) -> Telephony:
    telephony: Telephony = dialer_app.state.telephony
    await telephony.connection.wait_connected(15)
    return telephony
