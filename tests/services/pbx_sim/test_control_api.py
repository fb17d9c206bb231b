"""The loopback control API: channels, inbound calls from a trunk (F-44), hangups by hand."""

from __future__ import annotations

from collections.abc import AsyncIterator

import httpx
import pytest
from obzvon_pbx_sim import PbxSim

from tests.services.pbx_sim.ami_client import RawAmi
from tests.services.pbx_sim.calls import SimFactory, hangup_of, user_events


@pytest.fixture
async def api_sim(make_sim: SimFactory) -> PbxSim:
    return await make_sim(control_port=0)


@pytest.fixture
async def http(api_sim: PbxSim) -> AsyncIterator[httpx.AsyncClient]:
    async with httpx.AsyncClient(base_url=f"http://127.0.0.1:{api_sim.control_port}") as client:
        yield client


@pytest.fixture
async def client(api_sim: PbxSim) -> AsyncIterator[RawAmi]:
    ami = await RawAmi.connect(api_sim.ami_port)
    await ami.login()
    yield ami
    await ami.close()


async def test_inbound_call_reaches_the_project_queue(http: httpx.AsyncClient, client: RawAmi) -> None:
    body = {
        "from": "79161112233",
        "did": "74950000000",
        "trunk": "trunk7",
        "trunk_id": "5",
        "project_id": "12",
    }
    created = await http.post("/inbound", json=body)
    assert created.status_code == 201
    uniqueid = created.json()["uniqueid"]
    inbound = await client.wait_for(lambda m: m.get("UserEvent") == "ObzvonInbound")
    assert (inbound["AttemptId"], inbound["ProjectId"], inbound["TrunkId"]) == (uniqueid, "12", "5")
    assert (inbound["From"], inbound["Did"]) == ("79161112233", "74950000000")
    await client.wait_for(lambda m: m.get("UserEvent") == "ObzvonWaiting")
    newchannel = client.call_events(uniqueid)[0]
    assert newchannel.event == "Newchannel" and newchannel["ChannelStateDesc"] == "Ring"
    assert (newchannel["Context"], newchannel["Exten"]) == ("obzvon-inbound", "74950000000")
    assert newchannel["CallerIDNum"] == "79161112233" and newchannel["Channel"].startswith("PJSIP/trunk7-")
    channels = (await http.get("/channels")).json()
    assert [c["uniqueid"] for c in channels] == [uniqueid]
    assert channels[0]["application"] == "MusicOnHold" and channels[0]["state_desc"] == "Up"
    assert (await http.post(f"/channels/{uniqueid}/hangup")).json()["result"] == "hung_up"
    assert (await hangup_of(client, uniqueid))["Cause"] == "16"


async def test_inbound_call_on_an_unrouted_trunk_is_rejected(http: httpx.AsyncClient, client: RawAmi) -> None:
    uniqueid = (await http.post("/inbound", json={"from": "79161112233"})).json()["uniqueid"]
    hangup = await hangup_of(client, uniqueid)
    assert (hangup["Cause"], hangup["Cause-txt"]) == ("21", "Call Rejected")
    assert not user_events(client, "ObzvonInbound")


async def test_unknown_channel_and_bad_bodies(http: httpx.AsyncClient) -> None:
    assert (await http.post("/channels/nope/hangup")).status_code == 404
    assert (await http.post("/inbound", json={"did": "1"})).status_code == 422
    assert (await http.post("/endpoints/101/mode", json={"mode": "sleepy"})).status_code == 422
    assert (await http.get("/healthz")).json() == {"status": "ok"}
