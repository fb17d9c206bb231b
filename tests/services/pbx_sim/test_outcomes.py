"""Every last-digit outcome gives Asterisk 20's event sequence (F-40 originate, F-42 AMD).

Rules: 0 answer (talk 20 s) · 1 busy · 2 no answer · 3 reject · 4 congestion · 5 machine ·
6 no channel · 7 answer (talk 3 s). The simulator runs 50× faster than real time.
"""

from __future__ import annotations

import pytest
from obzvon_pbx_sim import PbxSim

from tests.services.pbx_sim.ami_client import RawAmi
from tests.services.pbx_sim.calls import hangup_of, names, originate, user_events

DIALED = ["Newchannel", "NewCallerid", "DialBegin"]
RINGING = ["DialState", "Newstate"]
ANSWERED = [*DIALED, *RINGING, "Newstate", "DialEnd", "OriginateResponse"]


def _channel_block_ok(msg_headers: list[tuple[str, str]], prefix: str = "") -> None:
    names_in_order = [name for name, _ in msg_headers if name.startswith(prefix)]
    block = [
        "Channel",
        "ChannelState",
        "ChannelStateDesc",
        "CallerIDNum",
        "CallerIDName",
        "ConnectedLineNum",
        "ConnectedLineName",
        "Language",
        "AccountCode",
        "Context",
        "Exten",
        "Priority",
        "Uniqueid",
        "Linkedid",
        "ChanVariable",
        "ChanVariable",
    ]
    assert names_in_order[: len(block)] == [prefix + name for name in block]


async def test_answered_human_waits_on_hold_then_hangs_up(ami: RawAmi) -> None:
    reply = await originate(ami, "79160000000", "att-0")
    assert reply["Message"] == "Originate successfully queued"
    hangup = await hangup_of(ami, "att-0")
    events = ami.call_events("att-0")
    assert names(events) == [
        *ANSWERED,
        "UserEvent",
        "MusicOnHoldStart",
        "HangupRequest",
        "MusicOnHoldStop",
        "Hangup",
    ]
    newchannel, dial_begin = events[0], events[2]
    _channel_block_ok(newchannel.headers[3:])
    assert (
        newchannel["Channel"].startswith("PJSIP/trunk1-")
        and len(newchannel["Channel"]) == len("PJSIP/trunk1-") + 8
    )
    assert newchannel["ChannelStateDesc"] == "Down" and newchannel["Linkedid"] == "att-0"
    assert newchannel["CallerIDNum"] == "<unknown>"
    assert dial_begin.get("Channel") is None  # Originate has no caller channel: Dest block only
    _channel_block_ok(dial_begin.headers[3:], "Dest")
    assert dial_begin["DialString"] == "79160000000@trunk1"
    assert [m["ChannelStateDesc"] for m in events if m.event == "Newstate"] == ["Ringing", "Up"]
    assert events[6]["DialStatus"] == "ANSWER"
    response = events[7]
    assert response.headers[3:] == [
        ("ActionID", reply["ActionID"]),
        ("Response", "Success"),
        ("Channel", newchannel["Channel"]),
        ("Context", "obzvon-answered"),
        ("Exten", "s"),
        ("Reason", "4"),
        ("Uniqueid", "att-0"),
        ("CallerIDNum", "74951234567"),
        ("CallerIDName", "CRM"),
        ("ChanVariable", "OBZVON_ATTEMPT_ID=att-0"),
        ("ChanVariable", "OBZVON_PROJECT_ID=7"),
    ]
    waiting = events[8]
    assert waiting["UserEvent"] == "ObzvonWaiting" and waiting["AttemptId"] == "att-0"
    assert waiting["ProjectId"] == "7" and waiting["Context"] == "obzvon-answered"
    assert hangup["Cause"] == "16" and hangup["Cause-txt"] == "Normal Clearing"
    await ami.wait_for(lambda m: m.event == "DeviceStateChange" and m["State"] == "NOT_INUSE")
    devices = [m["State"] for m in ami.events("DeviceStateChange") if m["Device"] == "PJSIP/trunk1"]
    assert devices == ["RINGING", "INUSE", "NOT_INUSE"]


async def test_busy_reports_reason_0_and_cause_17(ami: RawAmi) -> None:
    reply = await originate(ami, "79160000001", "att-1")
    await hangup_of(ami, "att-1")
    events = ami.call_events("att-1")
    assert names(events) == [*DIALED, "HangupRequest", "DialEnd", "OriginateResponse", "Hangup"]
    request, dial_end, response, hangup = events[3:]
    assert (request["Cause"], request["TechCause"]) == ("17", "486")
    assert dial_end["DialStatus"] == "BUSY"
    assert response["ActionID"] == reply["ActionID"]
    assert (response["Response"], response["Reason"]) == ("Failure", "0")
    assert response["Channel"] == "PJSIP/79160000001@trunk1"  # the requested dial string
    assert response["Uniqueid"] == "att-1"
    assert (hangup["Cause"], hangup["Cause-txt"], hangup["TechCause"]) == ("17", "User busy", "486")


async def test_no_answer_until_timeout_has_no_dial_end(ami: RawAmi) -> None:
    await originate(ami, "79160000002", "att-2", timeout_ms=2000)
    response = await ami.wait_for(lambda m: m.event == "OriginateResponse" and m["Uniqueid"] == "att-2")
    events = ami.call_events("att-2")
    assert names(events) == [*DIALED, *RINGING, "Hangup", "OriginateResponse"]
    hangup = events[-2]
    assert (hangup["Cause"], hangup["Cause-txt"]) == ("19", "User alerting, no answer")
    assert hangup.get("TechCause") is None
    assert (response["Response"], response["Reason"]) == ("Failure", "3")


async def test_rejected_call_is_cause_21(ami: RawAmi) -> None:
    await originate(ami, "79160000003", "att-3")
    await hangup_of(ami, "att-3")
    events = ami.call_events("att-3")
    assert names(events) == [*DIALED, *RINGING, "HangupRequest", "DialEnd", "OriginateResponse", "Hangup"]
    assert events[-3]["DialStatus"] == "NOANSWER"
    assert events[-2]["Reason"] == "0"
    assert (events[-1]["Cause"], events[-1]["Cause-txt"], events[-1]["TechCause"]) == (
        "21",
        "Call Rejected",
        "603",
    )


async def test_congestion_is_cause_34(ami: RawAmi) -> None:
    await originate(ami, "79160000004", "att-4")
    await hangup_of(ami, "att-4")
    events = ami.call_events("att-4")
    assert names(events) == [*DIALED, "HangupRequest", "DialEnd", "OriginateResponse", "Hangup"]
    assert events[4]["DialStatus"] == "CONGESTION"
    assert events[5]["Reason"] == "0"
    assert (events[6]["Cause"], events[6]["Cause-txt"]) == ("34", "Circuit/channel congestion")


async def test_machine_is_detected_reported_and_hung_up(ami: RawAmi) -> None:
    await originate(ami, "79160000005", "att-5", amd=True)
    hangup = await hangup_of(ami, "att-5")
    events = ami.call_events("att-5")
    assert names(events) == [*ANSWERED, "UserEvent", "SoftHangupRequest", "Hangup"]
    amd = events[-3]
    assert amd["UserEvent"] == "ObzvonAmd"
    assert (amd["AttemptId"], amd["ProjectId"], amd["AmdStatus"]) == ("att-5", "7", "MACHINE")
    assert amd["AmdCause"].startswith("LONGGREETING-")
    assert hangup["Cause"] == "16"
    assert not user_events(ami, "ObzvonWaiting")


async def test_machine_without_amd_waits_like_a_human(ami: RawAmi) -> None:
    await originate(ami, "79160000005", "att-5b")
    await hangup_of(ami, "att-5b")
    assert [m["AttemptId"] for m in user_events(ami, "ObzvonWaiting")] == ["att-5b"]
    assert not user_events(ami, "ObzvonAmd")


async def test_human_with_amd_gets_human_then_waits(ami: RawAmi) -> None:
    await originate(ami, "79160000007", "att-7a", amd=True)
    await hangup_of(ami, "att-7a")
    assert [m["AmdStatus"] for m in user_events(ami, "ObzvonAmd")] == ["HUMAN"]
    assert len(user_events(ami, "ObzvonWaiting")) == 1


async def test_the_dialplan_gives_up_after_max_wait(ami: RawAmi) -> None:
    await originate(ami, "79160000000", "mw-1", extra_vars="OBZVON_MAX_WAIT=2")
    hangup = await hangup_of(ami, "mw-1")
    assert names(ami.call_events("mw-1"))[-5:] == [
        "MusicOnHoldStart",
        "MusicOnHoldStop",
        "UserEvent",
        "SoftHangupRequest",
        "Hangup",
    ]
    assert [m["AttemptId"] for m in user_events(ami, "ObzvonWaitTimeout")] == ["mw-1"]
    assert hangup["Cause"] == "16"


async def test_no_channel_gives_only_a_failed_originate_response(ami: RawAmi, sim: PbxSim) -> None:
    reply = await originate(ami, "79160000006", "att-6")
    response = await ami.wait_for(lambda m: m.event == "OriginateResponse")
    assert response.headers[3:] == [
        ("ActionID", reply["ActionID"]),
        ("Response", "Failure"),
        ("Channel", "PJSIP/79160000006@trunk1"),
        ("Context", "obzvon-answered"),
        ("Exten", "s"),
        ("Reason", "0"),
        ("Uniqueid", "att-6"),
        ("CallerIDNum", "74951234567"),
        ("CallerIDName", "CRM"),
    ]
    assert names(ami.call_events("att-6")) == ["OriginateResponse"]
    assert [m.event for m in ami.events() if m.event not in ("FullyBooted", "OriginateResponse")] == []
    assert sim.ledger.entries[-1].uniqueid == "" and sim.ledger.entries[-1].result == "FAILED"


async def test_short_answered_call_hangs_up_after_three_seconds(ami: RawAmi) -> None:
    await originate(ami, "79160000007", "att-7")
    answered = await ami.wait_for(lambda m: m.event == "DialEnd" and m.get("DestUniqueid") == "att-7")
    hangup = await hangup_of(ami, "att-7")
    talk = float(hangup["Timestamp"]) - float(answered["Timestamp"])
    assert 3 * 0.02 * 0.7 < talk < 3 * 0.02 * 5  # well under the 20 s (0.4 s) of a long call
    assert names(ami.call_events("att-7"))[-3:] == ["HangupRequest", "MusicOnHoldStop", "Hangup"]


@pytest.mark.parametrize(("number", "expected"), [("79160000000", "Success"), ("79160000001", "Error")])
async def test_synchronous_originate_answers_after_the_dial(ami: RawAmi, number: str, expected: str) -> None:
    reply = await originate(ami, number, f"sync-{number[-1]}", asynchronous=False)
    assert reply["Response"] == expected
    if expected == "Error":
        assert reply["Message"] == "Originate failed"
    assert not ami.events("OriginateResponse")


async def test_channel_id_in_use_cannot_be_dialed_twice(ami: RawAmi, sim: PbxSim) -> None:
    await originate(ami, "79160000000", "dup-1")
    await ami.wait_for(lambda m: m.event == "OriginateResponse")
    await originate(ami, "79160000000", "dup-1")
    second = await ami.wait_for(lambda m: m.event == "OriginateResponse" and m["Response"] == "Failure")
    assert second["Reason"] == "0"
    assert len(ami.events("Newchannel")) == 1
    assert [entry.channel_id for entry in sim.ledger.entries] == ["dup-1", "dup-1"]


@pytest.mark.parametrize(
    ("headers", "message"),
    [
        ({"Context": "obzvon-answered", "Exten": "s", "Priority": "1"}, "Channel not specified"),
        ({"Channel": "trunk1-79160000000", "Application": "Wait"}, "Invalid channel"),
        ({"Channel": "PJSIP/1@t", "Exten": "s"}, "Originate with 'Exten' requires 'Context' and 'Priority'"),
        (
            {"Channel": "PJSIP/1@t", "Context": "nowhere", "Exten": "s", "Priority": "1"},
            "Extension does not exist.",
        ),
        (
            {"Channel": "PJSIP/1@t", "Application": "System", "Data": "id"},
            "Originate Access Forbidden: app or data blacklisted",
        ),
        (
            {"Channel": "PJSIP/1@t", "Application": "Wait", "ChannelId": "x" * 150},
            "Uniqueid length exceeds maximum of 149",
        ),
    ],
)
async def test_originate_validation_errors(ami: RawAmi, headers: dict[str, str], message: str) -> None:
    reply = await ami.action_with("Originate", headers)
    assert (reply["Response"], reply["Message"]) == ("Error", message)
