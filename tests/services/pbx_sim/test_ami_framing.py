"""AMI framing as Asterisk 20's manager.c does it (DESIGN: the dialer talks to Asterisk or pbx-sim, F-40)."""

from __future__ import annotations

import re

from obzvon_pbx_sim import PbxSim

from tests.services.pbx_sim.ami_client import RawAmi


async def test_banner_is_one_crlf_line_of_asterisk_20(sim: PbxSim) -> None:
    client = await RawAmi.connect(sim.ami_port)
    assert client.banner == b"Asterisk Call Manager/9.0.0\r\n"
    await client.close()


async def test_bare_lf_actions_are_accepted_and_replies_use_crlf(sim: PbxSim) -> None:
    client = await RawAmi.connect(sim.ami_port)
    client.write(b"Action: Login\nActionID: lf-1\nUsername: crm\nSecret: s3cret\n\n")
    reply = await client.wait_for(lambda m: m.get("ActionID") == "lf-1")
    assert reply.headers == [
        ("Response", "Success"),
        ("ActionID", "lf-1"),
        ("Message", "Authentication accepted"),
    ]
    # every line of every message written so far ends with CRLF; no bare LF anywhere
    await client.wait_for(lambda m: m.event == "FullyBooted")
    for msg in client.messages:
        assert b"\n" not in msg.raw.replace(b"\r\n", b"")
    await client.close()


async def test_header_names_match_without_regard_to_case(sim: PbxSim) -> None:
    client = await RawAmi.connect(sim.ami_port)
    client.write(b"ACTION: login\r\nactionid: ci-1\r\nUSERNAME: CRM\r\nsecret:    s3cret\r\n\r\n")
    reply = await client.wait_for(lambda m: m.get("ActionID") == "ci-1")
    assert reply["Response"] == "Success"
    client.write(b"action: PING\r\nACTIONID: ci-2\r\n\r\n")
    pong = await client.wait_for(lambda m: m.get("ActionID") == "ci-2")
    assert pong["Ping"] == "Pong"
    await client.close()


async def test_empty_message_gets_missing_action(sim: PbxSim) -> None:
    client = await RawAmi.connect(sim.ami_port)
    client.write(b"\r\n")
    reply = await client.wait_for(lambda m: m.get("Response") is not None)
    assert reply.headers == [("Response", "Error"), ("Message", "Missing action in request")]
    await client.close()


async def test_too_long_line_is_refused(ami: RawAmi) -> None:
    ami.write(b"Action: Ping\r\nActionID: long\r\nX-Pad: " + b"x" * 2000 + b"\r\n\r\n")
    reply = await ami.wait_for(lambda m: m.get("Message") == "Failed to parse message: line too long")
    assert reply["Response"] == "Error"
    assert (await ami.action("Ping"))["Ping"] == "Pong"  # the session goes on


async def test_unknown_action_after_login(ami: RawAmi) -> None:
    reply = await ami.action("FlyToTheMoon")
    assert reply["Response"] == "Error"
    assert reply["Message"] == (
        "Invalid/unknown command: FlyToTheMoon. Use Action: ListCommands to show available commands."
    )


async def test_events_carry_privilege_then_timestamp(ami: RawAmi) -> None:
    await ami.action("UserEvent", UserEvent="Probe", Foo="bar")
    event = await ami.wait_for(lambda m: m.event == "UserEvent")
    names = event.names()
    assert names[:3] == ["Event", "Privilege", "Timestamp"]
    assert event["Privilege"] == "user,all"
    assert re.fullmatch(r"\d{10}\.\d{6}", event["Timestamp"])
    assert event.headers[3:] == [("UserEvent", "Probe"), ("Foo", "bar")]
