"""Call-control actions the dialer sends: Hangup, Redirect, Bridge, Setvar/Getvar, lists, Command."""

from __future__ import annotations

from obzvon_pbx_sim import PbxSim

from tests.services.pbx_sim.ami_client import RawAmi
from tests.services.pbx_sim.calls import hangup_of, originate, user_events


async def _waiting(ami: RawAmi, attempt: str) -> None:
    await originate(ami, "79160000000", attempt)
    await ami.wait_for(lambda m: m.get("UserEvent") == "ObzvonWaiting" and m["AttemptId"] == attempt)


async def test_hangup_action_with_a_cause(ami: RawAmi) -> None:
    await _waiting(ami, "hg-1")
    reply = await ami.action("Hangup", Channel="hg-1", Cause="17")
    assert reply["Message"] == "Channel Hungup"
    hangup = await hangup_of(ami, "hg-1")
    assert (hangup["Cause"], hangup["Cause-txt"]) == ("17", "User busy")
    request = [m for m in ami.events("SoftHangupRequest") if m["Uniqueid"] == "hg-1"]
    assert request[0]["Cause"] == "17"
    missing = await ami.action("Hangup", Channel="PJSIP/trunk1-0000ffff")
    assert (missing["Response"], missing["Message"]) == ("Error", "No such channel")


async def test_hangup_by_regex_lists_what_it_hung_up(ami: RawAmi) -> None:
    await _waiting(ami, "rx-1")
    await _waiting(ami, "rx-2")
    reply = await ami.action("Hangup", Channel="/^PJSIP/trunk1-/")
    assert reply["EventList"] == "start"
    done = await ami.wait_for(lambda m: m.event == "ChannelsHungupListComplete")
    assert done["ListItems"] == "2"
    await hangup_of(ami, "rx-1")
    await hangup_of(ami, "rx-2")


async def test_hanging_up_a_ringing_originate(ami: RawAmi) -> None:
    await originate(ami, "79160000002", "ring-1", timeout_ms=600000)
    await ami.wait_for(lambda m: m.event == "DialState" and m["DestUniqueid"] == "ring-1")
    await ami.action("Hangup", Channel="ring-1")
    response = await ami.wait_for(lambda m: m.event == "OriginateResponse")
    assert (response["Response"], response["Reason"]) == ("Failure", "0")
    hangup = await hangup_of(ami, "ring-1")
    assert hangup["Cause"] == "16"
    names = [m.event for m in ami.call_events("ring-1")]
    assert names[-4:] == ["SoftHangupRequest", "DialEnd", "OriginateResponse", "Hangup"]


async def test_redirect_errors(ami: RawAmi) -> None:
    missing = await ami.action(
        "Redirect", Channel="nope", Context="obzvon-operator", Exten="101", Priority="1"
    )
    assert missing["Message"] == "Channel does not exist: nope"
    no_context = await ami.action("Redirect", Channel="nope", Exten="101", Priority="1")
    assert no_context["Message"] == "Context not specified"


async def test_redirect_back_to_hold(ami: RawAmi) -> None:
    await _waiting(ami, "hold-1")
    reply = await ami.action(
        "Redirect", Channel="hold-1", Context="obzvon-answered", Exten="hold", Priority="1"
    )
    assert reply["Message"] == "Redirect successful"
    await ami.wait_for(lambda m: m.event == "MusicOnHoldStart", start=ami.messages.index(reply))
    assert [m.event for m in ami.call_events("hold-1")][-4:] == [
        "MusicOnHoldStart",
        "MusicOnHoldStop",
        "UserEvent",
        "MusicOnHoldStart",
    ]


async def test_bridge_action_joins_two_waiting_channels(ami: RawAmi) -> None:
    await _waiting(ami, "br-1")
    await _waiting(ami, "br-2")
    reply = await ami.action("Bridge", Channel1="br-1", Channel2="br-2")
    assert reply["Message"] == "Channels have been bridged"
    await ami.wait_for(lambda m: m.event == "BridgeEnter" and m["BridgeNumChannels"] == "2")
    assert len([m for m in ami.events("MusicOnHoldStop")]) == 2
    await ami.action("Hangup", Channel="br-1")
    await hangup_of(ami, "br-1")
    await hangup_of(ami, "br-2")
    assert ami.events("BridgeDestroy")
    bad = await ami.action("Bridge", Channel1="x", Channel2="y")
    assert bad["Message"] == "Channel1 does not exists: x"


async def test_setvar_and_getvar(ami: RawAmi) -> None:
    await _waiting(ami, "var-1")
    assert (await ami.action("Setvar", Channel="var-1", Variable="OBZVON_OPERATOR_TIMEOUT", Value="9"))[
        "Message"
    ] == "Variable Set"
    got = await ami.action("Getvar", Channel="var-1", Variable="OBZVON_OPERATOR_TIMEOUT")
    assert (got["Variable"], got["Value"]) == ("OBZVON_OPERATOR_TIMEOUT", "9")
    await ami.action("Setvar", Variable="GLOBAL_X", Value="1")
    assert (await ami.action("Getvar", Variable="GLOBAL_X"))["Value"] == "1"
    assert (await ami.action("Getvar", Channel="nope", Variable="X"))["Message"] == "No such channel"


async def test_core_show_channels_items_carry_the_action_id(ami: RawAmi) -> None:
    await _waiting(ami, "csc-1")
    reply = await ami.action("CoreShowChannels")
    assert reply.headers == [
        ("Response", "Success"),
        ("ActionID", reply["ActionID"]),
        ("EventList", "start"),
        ("Message", "Channels will follow"),
    ]
    done = await ami.wait_for(lambda m: m.event == "CoreShowChannelsComplete")
    assert done.headers == [
        ("Event", "CoreShowChannelsComplete"),
        ("ActionID", reply["ActionID"]),
        ("EventList", "Complete"),
        ("ListItems", "1"),
    ]
    item = ami.events("CoreShowChannel")[0]
    assert item.names()[:3] == ["Event", "ActionID", "Channel"]
    assert item.names()[-4:] == ["Application", "ApplicationData", "Duration", "BridgeId"]
    assert (item["Uniqueid"], item["Application"], item["Duration"]) == ("csc-1", "MusicOnHold", "00:00:00")


async def test_pjsip_endpoints_and_commands(ami: RawAmi, sim: PbxSim) -> None:
    await ami.action("PJSIPShowEndpoints")
    done = await ami.wait_for(lambda m: m.event == "EndpointListComplete")
    items = {m["ObjectName"]: m for m in ami.events("EndpointList")}
    assert set(items) == {"101", "102"} and done["ListItems"] == "2"
    assert items["101"]["DeviceState"] == "Not in use" and items["101"]["Auths"] == "101"
    version = await ami.action("Command", Command="core show version")
    assert version.names() == ["Response", "ActionID", "Message", "Output"]
    assert version["Output"].startswith("Asterisk 20.")
    reload = await ami.action("Command", Command="pjsip reload")
    assert reload["Output"] == "Module 'res_pjsip.so' reloaded successfully."
    unknown = await ami.action("Command", Command="fly away")
    assert unknown["Response"] == "Error" and unknown["Output"].startswith("No such command 'fly away'")
    queues = await ami.action("QueueStatus")
    assert queues["EventList"] == "start"


async def test_operator_originated_with_bridge_application(ami: RawAmi) -> None:
    await _waiting(ami, "pb-1")
    reply = await ami.action(
        "Originate",
        Channel="PJSIP/101",
        Application="Bridge",
        Data="pb-1",
        Async="true",
        ChannelId="op-leg-1",
    )
    assert reply["Message"] == "Originate successfully queued"
    response = await ami.wait_for(lambda m: m.event == "OriginateResponse" and m["Uniqueid"] == "op-leg-1")
    assert (response["Response"], response["Application"], response["Data"]) == ("Success", "Bridge", "pb-1")
    await ami.wait_for(lambda m: m.event == "BridgeEnter" and m["BridgeNumChannels"] == "2")
    await ami.action("Hangup", Channel="op-leg-1")
    await hangup_of(ami, "pb-1")


async def test_manual_call_from_an_operator_phone(ami: RawAmi) -> None:
    variables = "OBZVON_ATTEMPT_ID=man-1,OBZVON_PROJECT_ID=4,OBZVON_TRUNK=trunk1,OBZVON_CALLERID=74951234567"
    await ami.action(
        "Originate",
        Channel="PJSIP/101",
        Context="obzvon-manual",
        Exten="79160000007",
        Priority="1",
        Async="true",
        ChannelId="man-1",
        Variable=variables,
    )
    begin = await ami.wait_for(lambda m: m.event == "DialBegin" and m.get("Uniqueid") == "man-1")
    assert begin["Channel"].startswith("PJSIP/101-") and begin["DestChannel"].startswith("PJSIP/trunk1-")
    assert begin["DialString"] == "79160000007@trunk1" and begin["DestLinkedid"] == "man-1"
    answered = await ami.wait_for(lambda m: m.get("UserEvent") == "ObzvonManualDial")
    assert (answered["DialStatus"], answered["AttemptId"]) == ("ANSWER", "man-1")
    assert answered["Channel"] == begin["DestChannel"]
    await hangup_of(ami, "man-1")  # the client hangs up after 3 s, the operator leg follows


async def test_manual_call_to_a_busy_number(ami: RawAmi) -> None:
    await ami.action(
        "Originate",
        Channel="PJSIP/102",
        Context="obzvon-manual",
        Exten="79160000001",
        Priority="1",
        Async="true",
        ChannelId="man-2",
        Variable="OBZVON_ATTEMPT_ID=man-2,OBZVON_TRUNK=trunk1",
    )
    report = await ami.wait_for(lambda m: m.get("UserEvent") == "ObzvonManualDial")
    assert (report["DialStatus"], report["HangupCause"], report["Uniqueid"]) == ("BUSY", "17", "man-2")
    await hangup_of(ami, "man-2")
    assert not user_events(ami, "ObzvonWaiting")
