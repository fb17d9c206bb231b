"""The telephony stack (``tests.fixtures.pbx_stack``): the dialer app (AMI adapter, commands, outbox
relay) and the reporting app (call records) beside pbx-sim.

pbx-sim runs ten times faster than real time with the last-digit rules; the dialer keeps its
production watchdog timers (Ping every 3 s, 3 s to answer) so the black-hole test measures them.
Operator phones: 101 answers after 1 s, 102 never answers, 103 is busy.
"""

import uuid
from collections.abc import AsyncIterator

import httpx
import pytest
from fastapi import FastAPI
from obzvon_dialer.runtime import Telephony
from obzvon_pbx_sim import OperatorMode, SimConfig
from obzvon_pbx_sim.config import RulesKind
from obzvon_platform.bus import Bus
from obzvon_platform.settings import CommonSettings
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

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
from tests.telephony.stack import SCALE, EventWatch, World, build_world

#: The stack's fixtures, for this package.
__all__ = ["ami_settings", "common", "dialer_app", "reporting_app", "sessions", "sim", "stack_database"]


@pytest.fixture(scope="package")
def stack_config(tmp_path_factory: pytest.TempPathFactory) -> StackConfig:
    pbx = SimConfig(
        username="obzvon-test",
        secret=uuid.uuid4().hex,
        port=0,
        rules=RulesKind.LAST_DIGIT,
        seed=11,
        time_scale=SCALE,
        recordings_dir=tmp_path_factory.mktemp("monitor"),
        operators=["101"],
        operator_answer_delay=1.0,
        amd_seconds=2.0,
        auth_fail_delay=0.05,
    )
    phones = {"102": OperatorMode.NEVER, "103": OperatorMode.BUSY}
    return StackConfig("telephony", pbx, phones=phones, ami={"unknown_retry_seconds": 120})


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
