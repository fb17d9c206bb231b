"""Fault injection the dialer's reliability suite relies on (reliability.md §3: F4, F6, F7)."""

from __future__ import annotations

import asyncio
import time

import pytest
from obzvon_pbx_sim import PbxSim

from tests.services.pbx_sim.ami_client import RawAmi
from tests.services.pbx_sim.calls import SimFactory, originate


async def test_close_clients_drops_every_socket(sim: PbxSim, ami: RawAmi) -> None:
    assert sim.close_clients() == 1
    assert await ami.closed()
    again = await RawAmi.connect(sim.ami_port)
    assert (await again.login())["Response"] == "Success"
    await again.close()


async def test_blackhole_keeps_the_socket_open_but_silent(sim: PbxSim, ami: RawAmi) -> None:
    sim.blackhole(True)
    ami.send({"Action": "Ping", "ActionID": "bh-1"})
    with pytest.raises(TimeoutError):
        await ami.wait_for(lambda m: m.get("ActionID") == "bh-1", within=0.3)
    assert not ami.eof.is_set()
    sim.blackhole(False)
    assert (await ami.wait_for(lambda m: m.get("ActionID") == "bh-1"))["Ping"] == "Pong"


async def test_shutdown_event_then_close(sim: PbxSim, ami: RawAmi) -> None:
    sim.send_shutdown(restart=True)
    event = await ami.wait_for(lambda m: m.event == "Shutdown")
    assert (event["Privilege"], event["Shutdown"], event["Restart"]) == ("system,all", "Cleanly", "True")
    assert await ami.closed()


async def test_pbx_restart_forgets_calls_but_keeps_the_ledger(sim: PbxSim, ami: RawAmi) -> None:
    await originate(ami, "79160000000", "rs-1")
    await ami.wait_for(lambda m: m.get("UserEvent") == "ObzvonWaiting")
    await sim.stop_ami()
    assert await ami.closed()
    with pytest.raises(OSError):
        await RawAmi.connect(sim.ami_port)
    await sim.start_ami()
    fresh = await RawAmi.connect(sim.ami_port)
    await fresh.login()
    booted = await fresh.wait_for(lambda m: m.event == "FullyBooted")
    assert int(booted["Uptime"]) <= 1
    await fresh.action("CoreShowChannels")
    done = await fresh.wait_for(lambda m: m.event == "CoreShowChannelsComplete")
    assert done["ListItems"] == "0"
    assert [entry.channel_id for entry in sim.ledger.entries] == ["rs-1"]
    await fresh.close()


async def test_chaos_repeats_events_and_skews_timestamps(sim: PbxSim, ami: RawAmi) -> None:
    sim.faults.chaos.duplicate_rate = 1.0
    sim.faults.chaos.timestamp_skew = 300.0
    await ami.action("UserEvent", UserEvent="Twice")
    await ami.wait_for(lambda m: len([e for e in ami.events("UserEvent")]) == 2)
    first, second = ami.events("UserEvent")
    assert first.raw == second.raw
    assert float(first["Timestamp"]) - time.time() > 290


async def test_chaos_can_drop_events(sim: PbxSim, ami: RawAmi) -> None:
    sim.faults.chaos.drop_rate = 1.0
    await ami.action("UserEvent", UserEvent="Lost")
    assert (await ami.action("Ping"))["Ping"] == "Pong"  # responses are never dropped
    assert ami.events("UserEvent") == []


async def test_hangup_first_puts_hangup_before_dial_end(sim: PbxSim, ami: RawAmi) -> None:
    sim.faults.chaos.hangup_first = True
    await originate(ami, "79160000001", "hf-1")
    await ami.wait_for(lambda m: m.event == "OriginateResponse")
    names = [m.event for m in ami.call_events("hf-1")]
    assert names[-4:] == ["HangupRequest", "Hangup", "DialEnd", "OriginateResponse"]


async def test_a_client_that_stops_reading_is_disconnected(make_sim: SimFactory) -> None:
    sim = await make_sim(write_timeout=0.2)
    stalled = await RawAmi.connect(sim.ami_port)
    await stalled.login()
    stalled._task.cancel()  # stop reading: the kernel buffers fill, then the server's writes block
    sender = await RawAmi.connect(sim.ami_port)
    await sender.login(events="off")
    padding = {f"X-Pad-{n}": "y" * 900 for n in range(100)}
    deadline = time.monotonic() + 20
    while len(sim.ami.sessions) > 1 and time.monotonic() < deadline:
        await sender.action_with("UserEvent", {"UserEvent": "Flood", **padding})
        await asyncio.sleep(0)
    assert len(sim.ami.sessions) == 1
    await sender.close()
    stalled.writer.close()
