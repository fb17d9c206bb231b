"""Login rules of manager.c: only Login/Logoff/Challenge before login, plain and MD5 logins."""

from __future__ import annotations

import hashlib

from obzvon_pbx_sim import PbxSim

from tests.services.pbx_sim.ami_client import RawAmi


async def test_actions_before_login_get_permission_denied(sim: PbxSim) -> None:
    client = await RawAmi.connect(sim.ami_port)
    for action in ("Ping", "Originate", "CoreShowChannels"):
        reply = await client.action(action)
        assert reply["Response"] == "Error"
        assert reply["Message"] == "Permission denied"
    assert not client.events()
    await client.close()


async def test_plain_login_then_fully_booted_without_timestamp(sim: PbxSim) -> None:
    client = await RawAmi.connect(sim.ami_port)
    reply = await client.login()
    assert reply.names() == ["Response", "ActionID", "Message"]
    booted = await client.wait_for(lambda m: m.event == "FullyBooted")
    assert booted.names() == ["Event", "Privilege", "Uptime", "LastReload", "Status"]
    assert booted["Privilege"] == "system,all"
    assert booted["Status"] == "Fully Booted"
    assert client.messages.index(booted) == client.messages.index(reply) + 1
    await client.close()


async def test_login_with_events_off_gets_no_fully_booted(sim: PbxSim) -> None:
    client = await RawAmi.connect(sim.ami_port)
    await client.login(events="off")
    await client.action("UserEvent", UserEvent="Probe")
    assert client.events() == []
    await client.close()


async def test_wrong_secret_fails_and_closes(sim: PbxSim) -> None:
    client = await RawAmi.connect(sim.ami_port)
    reply = await client.login(secret="wrong")
    assert reply["Response"] == "Error"
    assert reply["Message"] == "Authentication failed"
    assert await client.closed()


async def test_md5_challenge_login(sim: PbxSim) -> None:
    client = await RawAmi.connect(sim.ami_port)
    challenge = await client.action("Challenge", AuthType="MD5")
    assert challenge.names() == ["Response", "ActionID", "Challenge"]
    key = hashlib.md5((challenge["Challenge"] + "s3cret").encode(), usedforsecurity=False).hexdigest()
    reply = await client.action("Login", AuthType="MD5", Username="crm", Key=key)
    assert reply["Message"] == "Authentication accepted"
    await client.close()


async def test_md5_login_with_wrong_key_fails(sim: PbxSim) -> None:
    client = await RawAmi.connect(sim.ami_port)
    await client.action("Challenge", AuthType="MD5")
    reply = await client.action("Login", AuthType="MD5", Username="crm", Key="0" * 32)
    assert reply["Message"] == "Authentication failed"
    assert await client.closed()


async def test_challenge_needs_md5(sim: PbxSim) -> None:
    client = await RawAmi.connect(sim.ami_port)
    reply = await client.action("Challenge")
    assert reply["Message"] == "Must specify AuthType"
    await client.close()


async def test_ping_pong_with_timestamp(ami: RawAmi) -> None:
    reply = await ami.action("Ping")
    assert reply.names() == ["Response", "ActionID", "Ping", "Timestamp"]
    assert reply["Ping"] == "Pong"


async def test_events_action_turns_events_off_and_on(ami: RawAmi) -> None:
    off = await ami.action("Events", EventMask="off")
    assert off["Events"] == "Off"
    await ami.action("UserEvent", UserEvent="Silent")
    on = await ami.action("Events", EventMask="user,call")
    assert on["Events"] == "On"
    await ami.action("UserEvent", UserEvent="Loud")
    await ami.wait_for(lambda m: m.get("UserEvent") == "Loud")
    assert [m["UserEvent"] for m in ami.events("UserEvent")] == ["Loud"]
    bad = await ami.action("Events", EventMask="")
    assert bad["Message"] == "Invalid event mask"


async def test_logoff_says_goodbye_and_closes(ami: RawAmi) -> None:
    reply = await ami.action("Logoff")
    assert reply.headers[0] == ("Response", "Goodbye")
    assert reply["Message"] == "Thanks for all the fish."
    assert await ami.closed()
