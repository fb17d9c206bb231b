"""The demo phone proxies to a real in-process pbx-sim, for the operator's own extension only; without
``OBZVON_PBX_CONTROL_URL`` it does not exist (404)."""

import secrets
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import pytest
from fastapi import FastAPI
from obzvon_db.enums import UserRole
from obzvon_db.models import User
from obzvon_gateway.demo_phone.settings import pbx_control_url
from obzvon_pbx_sim import OperatorMode, PbxSim, RulesKind, SimConfig
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from tests.services.api_gateway.conftest import ClientFactory
from tests.services.api_gateway.factories import World, add_user
from tests.services.pbx_sim.ami_client import RawAmi
from tests.services.pbx_sim.calls import originate


@pytest.fixture
async def operator(sessions: async_sessionmaker[AsyncSession]) -> User:
    return await add_user(sessions, UserRole.OPERATOR, "demo-phone")


@pytest.fixture
async def sim(operator: User, tmp_path: Path) -> AsyncIterator[PbxSim]:
    assert operator.extension
    config = SimConfig(
        username="crm",
        secret=secrets.token_hex(8),
        port=0,
        control_port=0,
        rules=RulesKind.LAST_DIGIT,
        time_scale=0.1,
        recordings_dir=tmp_path,
        operators=[operator.extension],
        operator_mode=OperatorMode.NEVER,
    )
    async with PbxSim(config) as started:
        yield started


@pytest.fixture
def with_pbx(gateway_app: FastAPI, sim: PbxSim) -> Iterator[None]:
    gateway_app.dependency_overrides[pbx_control_url] = lambda: f"http://127.0.0.1:{sim.control_port}"
    yield
    gateway_app.dependency_overrides.pop(pbx_control_url, None)


async def ring(sim: PbxSim, extension: str) -> RawAmi:
    """A client answered and redirected to the operator's phone, which rings (mode ``never``)."""
    ami = await RawAmi.connect(sim.ami_port)
    await ami.login(secret=sim.config.secret)
    await originate(ami, "79160000000", "att-demo")
    await ami.wait_for(lambda m: m.get("UserEvent") == "ObzvonWaiting" and m.get("AttemptId") == "att-demo")
    reply = await ami.action(
        "Redirect", Channel="att-demo", Context="obzvon-operator", Exten=extension, Priority="1"
    )
    assert reply["Message"] == "Redirect successful"
    await ami.wait_for(lambda m: m.event == "DialState" and m.get("DialStatus") == "RINGING")
    return ami


@pytest.mark.usefixtures("with_pbx")
async def test_operator_answers_and_hangs_up_their_own_phone(
    client_factory: ClientFactory, operator: User, sim: PbxSim
) -> None:
    client = client_factory()
    await client.login(operator.email)
    idle = await client.http.get("/api/demo-phone")
    assert idle.status_code == 200, idle.text
    assert idle.json()["extension"] == operator.extension and idle.json()["state"] == "idle"
    assert (await client.http.post("/api/demo-phone/answer")).status_code == 409
    ami = await ring(sim, str(operator.extension))
    try:
        assert (await client.http.get("/api/demo-phone")).json()["state"] == "ringing"
        answered = await client.http.post("/api/demo-phone/answer")
        assert answered.json() == {"result": "answered"}
        await ami.wait_for(
            lambda m: m.get("UserEvent") == "ObzvonOperatorDial" and m["DialStatus"] == "ANSWER"
        )
        assert (await client.http.get("/api/demo-phone")).json()["state"] == "talking"
        assert (await client.http.post("/api/demo-phone/hangup")).status_code == 200
        await ami.wait_for(
            lambda m: (
                m.event == "Hangup"
                and (m.get("Channel") or "").startswith("PJSIP/" + str(operator.extension))
            )
        )
        assert (await client.http.get("/api/demo-phone")).json()["state"] == "idle"
    finally:
        await ami.close()


@pytest.mark.usefixtures("with_pbx")
async def test_only_operators_with_an_extension(client_factory: ClientFactory, world: World) -> None:
    admin = client_factory()
    await admin.login(world.admin.email)
    assert (await admin.http.get("/api/demo-phone")).status_code == 404
    assert (await admin.http.post("/api/demo-phone/answer")).status_code == 404
    assert (await client_factory().http.get("/api/demo-phone")).status_code == 401


async def test_no_demo_phone_without_the_control_url(client_factory: ClientFactory, operator: User) -> None:
    client = client_factory()
    await client.login(operator.email)
    assert (await client.http.get("/api/demo-phone")).status_code == 404
    assert (await client.http.post("/api/demo-phone/hangup")).status_code == 404
