"""Connecting an answered client to an operator's phone (F-43 operator timeout, F-47 recording).

The dialer redirects the waiting client channel into [obzvon-operator]; the phone rings and a
person (here: the control API) picks up or hangs up.
"""

from __future__ import annotations

from collections.abc import AsyncIterator

import httpx
import pytest
from obzvon_pbx_sim import PbxSim

from tests.services.pbx_sim.ami_client import Msg, RawAmi
from tests.services.pbx_sim.calls import SimFactory, hangup_of, originate, user_events


@pytest.fixture
async def phone_sim(make_sim: SimFactory) -> PbxSim:
    # 10× time: the client talks 2 s of real time, enough to steer the operator leg by hand.
    return await make_sim(control_port=0, time_scale=0.1)


@pytest.fixture
async def http(phone_sim: PbxSim) -> AsyncIterator[httpx.AsyncClient]:
    async with httpx.AsyncClient(base_url=f"http://127.0.0.1:{phone_sim.control_port}") as client:
        yield client


@pytest.fixture
async def client(phone_sim: PbxSim) -> AsyncIterator[RawAmi]:
    ami = await RawAmi.connect(phone_sim.ami_port)
    await ami.login()
    yield ami
    await ami.close()


async def _waiting_client(ami: RawAmi, attempt: str, extra_vars: str = "") -> None:
    await originate(ami, "79160000000", attempt, extra_vars=extra_vars)
    await ami.wait_for(lambda m: m.get("UserEvent") == "ObzvonWaiting" and m.get("AttemptId") == attempt)


async def _redirect(ami: RawAmi, attempt: str, extension: str) -> None:
    reply = await ami.action(
        "Redirect", Channel=attempt, Context="obzvon-operator", Exten=extension, Priority="1"
    )
    assert reply["Message"] == "Redirect successful"


def _operator_dial(ami: RawAmi) -> list[Msg]:
    return user_events(ami, "ObzvonOperatorDial")


async def test_operator_answers_and_hangs_up_through_the_control_api(
    client: RawAmi, http: httpx.AsyncClient
) -> None:
    assert (await http.post("/endpoints/101/mode", json={"mode": "never"})).status_code == 200
    await _waiting_client(client, "att-op")
    await _redirect(client, "att-op", "101")
    ringing = await client.wait_for(lambda m: m.event == "DialState" and m.get("Uniqueid") == "att-op")
    assert ringing["Uniqueid"] == "att-op" and ringing["Context"] == "obzvon-operator"
    assert ringing["DestChannel"].startswith("PJSIP/101-") and ringing["DialStatus"] == "RINGING"
    assert ringing["DestLinkedid"] == "att-op"
    assert "OBZVON_ATTEMPT_ID=att-op" in ringing.get_all("DestChanVariable")
    endpoints = {e["name"]: e for e in (await http.get("/endpoints")).json()}
    assert endpoints["101"]["device_state"] == "RINGING" and endpoints["101"]["ringing"]

    assert (await http.post("/endpoints/101/answer")).json() == {"result": "answered"}
    answered = await client.wait_for(lambda m: m.get("UserEvent") == "ObzvonOperatorDial")
    assert answered["Channel"] == ringing["DestChannel"]
    assert (answered["AttemptId"], answered["Operator"], answered["DialStatus"]) == (
        "att-op",
        "101",
        "ANSWER",
    )
    await client.wait_for(lambda m: m.event == "BridgeEnter" and m["BridgeNumChannels"] == "2")
    enters = client.events("BridgeEnter")
    assert [m["Channel"] for m in enters] == [ringing["Channel"], ringing["DestChannel"]]
    assert enters[0]["BridgeUniqueid"] == enters[1]["BridgeUniqueid"]
    assert enters[0].names()[3:10] == [
        "BridgeUniqueid",
        "BridgeType",
        "BridgeTechnology",
        "BridgeCreator",
        "BridgeName",
        "BridgeNumChannels",
        "BridgeVideoSourceMode",
    ]

    assert (await http.post("/endpoints/101/hangup")).json() == {"result": "hung_up"}
    agent_hangup = await client.wait_for(
        lambda m: m.event == "Hangup" and m["Channel"] == ringing["DestChannel"]
    )
    assert agent_hangup["Cause"] == "16"
    assert (await hangup_of(client, "att-op"))["Cause"] == "16"
    assert client.events("BridgeDestroy")
    await client.wait_for(lambda m: m.get("Device") == "PJSIP/101" and m["State"] == "NOT_INUSE")
    states = [m["State"] for m in client.events("DeviceStateChange") if m["Device"] == "PJSIP/101"]
    assert states == ["RINGING", "INUSE", "NOT_INUSE"]


async def test_busy_operator_sends_the_client_back_to_hold(client: RawAmi, http: httpx.AsyncClient) -> None:
    await http.post("/endpoints/102/mode", json={"mode": "busy"})
    await _waiting_client(client, "att-busy")
    await _redirect(client, "att-busy", "102")
    report = await client.wait_for(lambda m: m.get("UserEvent") == "ObzvonOperatorDial")
    assert (report["DialStatus"], report["HangupCause"], report["Channel"]) == (
        "BUSY",
        "17",
        report["Channel"],
    )
    assert report["Uniqueid"] == "att-busy"
    dial_end = client.events("DialEnd")[-1]
    assert dial_end["Uniqueid"] == "att-busy" and dial_end["DialStatus"] == "BUSY"
    after = client.messages.index(report) + 1
    back = await client.wait_for(lambda m: m.get("UserEvent") == "ObzvonWaiting", start=after)
    assert back["Uniqueid"] == "att-busy" and back["Exten"] == "hold"
    assert len(user_events(client, "ObzvonWaiting")) == 2


async def test_operator_timeout_publishes_dial_end_noanswer(client: RawAmi, http: httpx.AsyncClient) -> None:
    await http.post("/endpoints/101/mode", json={"mode": "never"})
    await _waiting_client(client, "att-to", extra_vars="OBZVON_OPERATOR_TIMEOUT=2")
    await _redirect(client, "att-to", "101")
    report = await client.wait_for(lambda m: m.get("UserEvent") == "ObzvonOperatorDial")
    assert (report["DialStatus"], report["HangupCause"]) == ("NOANSWER", "0")
    dial_end = client.events("DialEnd")[-1]
    assert dial_end["DialStatus"] == "NOANSWER" and dial_end["DestChannel"].startswith("PJSIP/101-")
    agent = [m for m in client.events("Hangup") if m["Channel"].startswith("PJSIP/101-")]
    assert [(m["Cause"], m["Cause-txt"]) for m in agent] == [("0", "Unknown")]


async def test_operator_declining_counts_as_busy(client: RawAmi, http: httpx.AsyncClient) -> None:
    await http.post("/endpoints/101/mode", json={"mode": "never"})
    await _waiting_client(client, "att-dec")
    await _redirect(client, "att-dec", "101")
    await client.wait_for(lambda m: m.event == "DialState")
    assert (await http.post("/endpoints/101/hangup")).json() == {"result": "declined"}
    report = await client.wait_for(lambda m: m.get("UserEvent") == "ObzvonOperatorDial")
    assert report["DialStatus"] == "BUSY"


async def test_auto_answer_picks_up_a_phone_nobody_answers(client: RawAmi, http: httpx.AsyncClient) -> None:
    """F-43 auto-answer: the predial header makes a free phone pick up by itself; a busy one stays busy."""
    await http.post("/endpoints/101/mode", json={"mode": "never"})
    await _waiting_client(client, "att-auto", extra_vars="OBZVON_AUTO_ANSWER=1")
    await _redirect(client, "att-auto", "101")
    report = await client.wait_for(lambda m: m.get("UserEvent") == "ObzvonOperatorDial")
    assert (report["Operator"], report["DialStatus"]) == ("101", "ANSWER")
    await client.wait_for(lambda m: m.event == "BridgeEnter" and m["BridgeNumChannels"] == "2")
    await http.post("/endpoints/102/mode", json={"mode": "busy"})
    await _waiting_client(client, "att-auto-busy", extra_vars="OBZVON_AUTO_ANSWER=1")
    await _redirect(client, "att-auto-busy", "102")
    busy = await client.wait_for(
        lambda m: m.get("UserEvent") == "ObzvonOperatorDial" and m.get("AttemptId") == "att-auto-busy"
    )
    assert busy["DialStatus"] == "BUSY"


async def test_offline_operator_is_chanunavail_without_a_channel(
    client: RawAmi, http: httpx.AsyncClient
) -> None:
    await http.post("/endpoints/101/mode", json={"mode": "unavailable"})
    await client.wait_for(lambda m: m.get("Device") == "PJSIP/101" and m["State"] == "UNAVAILABLE")
    await _waiting_client(client, "att-off")
    await _redirect(client, "att-off", "101")
    report = await client.wait_for(lambda m: m.get("UserEvent") == "ObzvonOperatorDial")
    assert (report["DialStatus"], report["HangupCause"]) == ("CHANUNAVAIL", "20")
    assert not [m for m in client.events("Newchannel") if m["Channel"].startswith("PJSIP/101-")]


async def test_client_hanging_up_ends_the_operator_leg(client: RawAmi, http: httpx.AsyncClient) -> None:
    await http.post("/endpoints/101/mode", json={"mode": "auto", "answer_delay": 0.2})
    await _waiting_client(client, "att-cli")
    await _redirect(client, "att-cli", "101")
    await client.wait_for(lambda m: m.event == "BridgeEnter" and m["BridgeNumChannels"] == "2")
    reply = await http.post("/channels/att-cli/hangup", json={"cause": 16})
    assert reply.json() == {"result": "hung_up", "uniqueid": "att-cli"}
    client_hangup = await hangup_of(client, "att-cli")
    request = [m for m in client.events("HangupRequest") if m["Uniqueid"] == "att-cli"]
    assert request and request[0]["Cause"] == "16"
    agent = [m for m in client.events("Hangup") if m["Channel"].startswith("PJSIP/101-")]
    assert agent and agent[0]["Linkedid"] == "att-cli"
    assert client.messages.index(agent[0]) < client.messages.index(client_hangup)
    leaves = [m["Channel"] for m in client.events("BridgeLeave")]
    assert leaves == [client_hangup["Channel"], agent[0]["Channel"]]


async def test_unknown_phone_is_404_and_idle_phone_is_409(http: httpx.AsyncClient) -> None:
    assert (await http.post("/endpoints/999/answer")).status_code == 404
    assert (await http.post("/endpoints/101/answer")).status_code == 409
    assert (await http.post("/endpoints/101/hangup")).status_code == 409
    created = await http.post("/endpoints/150", json={"mode": "busy"})
    assert created.json()["mode"] == "busy" and created.json()["kind"] == "operator"
