"""A trunk created through the API reaches Asterisk without hand edits (F-13): the gateway's outbox
publishes `pbx_config_changed` on real RabbitMQ, the dialer's consumer rewrites the PJSIP include file
and sends `module reload res_pjsip.so` over a real AMI socket to pbx-sim."""

import uuid
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest
from obzvon_dialer.ami.connection import AmiConnection
from obzvon_dialer.pbx_config.render import OPERATORS_FILE, TRUNKS_FILE
from obzvon_dialer.pbx_config.settings import PbxConfigSettings
from obzvon_dialer.pbx_config.sync import PbxConfigSync
from obzvon_dialer.settings import AmiSettings
from obzvon_gateway.settings import GatewaySettings
from obzvon_pbx_sim import PbxSim, SimConfig
from obzvon_platform.bus import Bus
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from tests.services.api_gateway.conftest import ClientFactory
from tests.services.api_gateway.factories import World
from tests.services.api_gateway.projects.helpers import signed_in

AMI_USER = "obzvon-pbx-config"
AMI_SECRET = uuid.uuid4().hex


def _ignore(_message: Any) -> None:
    return None


@pytest.fixture
async def sim() -> AsyncIterator[PbxSim]:
    async with PbxSim(
        SimConfig(username=AMI_USER, secret=AMI_SECRET, port=0, auth_fail_delay=0.05)
    ) as started:
        yield started


@pytest.fixture
async def dialer_sync(
    sim: PbxSim,
    gateway_settings: GatewaySettings,
    sessions: async_sessionmaker[AsyncSession],
    tmp_path: Path,
) -> AsyncIterator[PbxConfigSync]:
    """The dialer's part in-process: its AMI connection, its bus and the config consumer."""
    ami = AmiSettings(
        port=sim.ami_port, user=AMI_USER, secret=AMI_SECRET, reconnect_min=0.2, login_timeout=2.0
    )
    connection = AmiConnection(ami, _ignore)
    bus = Bus(
        gateway_settings.amqp_url, exchange=gateway_settings.exchange, connection_name="tests-pbx-config"
    )
    await bus.connect()
    connection.start()
    sync = PbxConfigSync(
        PbxConfigSettings(config_dir=tmp_path / "obzvon", file_group=""),
        sessions,
        connection,
        instance_id=f"dialer-test-{uuid.uuid4().hex[:6]}",
    )
    await sync.start(bus)
    try:
        yield sync
    finally:
        await sync.stop()
        await connection.stop()
        await bus.close()


async def test_a_new_trunk_is_written_and_asterisk_reloads_pjsip(
    dialer_sync: PbxConfigSync, sim: PbxSim, client_factory: ClientFactory, world: World, tmp_path: Path
) -> None:
    started = await dialer_sync.wait_applied(1, within=20)  # the render at dialer start
    # Other changes (users with extensions) may arrive too; what counts is what is on disk.
    assert {p.name for p in (tmp_path / "obzvon").iterdir()} >= {TRUNKS_FILE, OPERATORS_FILE}
    assert started.generation >= 1
    reloaded_at = sim.clock.last_reload
    assert reloaded_at is not None  # the first render was followed by a reload
    generation = dialer_sync.requested

    admin = await signed_in(client_factory, world.admin)
    password = "Zad;arma-" + uuid.uuid4().hex[:8]
    body = {"name": f"zadarma-{uuid.uuid4().hex[:6]}", "username": "123456", "password": password}
    body |= {"host": "sip.zadarma.com", "inbound_project_id": str(world.p1.id)}
    created = await admin.http.post("/api/trunks", json=body)
    assert created.status_code == 201, created.text
    trunk_id = created.json()["id"]

    # Passes for other changes (users with extensions) may come first: wait for the one with the trunk.
    text = ""
    for _ in range(10):
        generation = (await dialer_sync.wait_applied(generation + 1, within=20)).generation
        text = (tmp_path / "obzvon" / TRUNKS_FILE).read_text(encoding="utf-8")
        if f"[obzvon-trunk-{trunk_id}](obzvon-trunk)" in text:
            break
    assert f"[obzvon-trunk-{trunk_id}](obzvon-trunk)" in text
    assert sim.clock.last_reload > reloaded_at  # pbx-sim executed the reload Command
    assert f"set_var = OBZVON_INBOUND_PROJECT_ID={world.p1.id}" in text
    assert "password = " + password.replace(";", "\\;") in text  # decrypted only into the file
    assert password not in created.text
