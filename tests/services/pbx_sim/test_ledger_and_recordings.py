"""The ledger of every Originate (reliability I2/F5) and the WAV files recordings leave (F-47)."""

from __future__ import annotations

import wave
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import httpx
import pytest
from obzvon_pbx_sim import PbxSim

from tests.services.pbx_sim.ami_client import RawAmi
from tests.services.pbx_sim.calls import SimFactory, hangup_of, originate


@pytest.fixture
async def api_sim(make_sim: SimFactory) -> PbxSim:
    return await make_sim(control_port=0)


@pytest.fixture
async def client(api_sim: PbxSim) -> AsyncIterator[RawAmi]:
    ami = await RawAmi.connect(api_sim.ami_port)
    await ami.login()
    yield ami
    await ami.close()


async def test_ledger_keeps_every_originate_with_its_channel_id(api_sim: PbxSim, client: RawAmi) -> None:
    before = datetime.now(UTC)
    replies = [await originate(client, f"7916000000{digit}", f"led-{digit}") for digit in "016"]
    await hangup_of(client, "led-1")
    await client.wait_for(lambda m: m.event == "OriginateResponse" and m["Uniqueid"] == "led-6")
    await client.wait_for(lambda m: m.event == "OriginateResponse" and m["Uniqueid"] == "led-0")

    entries = api_sim.ledger.entries
    assert [e.channel_id for e in entries] == ["led-0", "led-1", "led-6"]
    assert [e.action_id for e in entries] == [r["ActionID"] for r in replies]
    assert [e.number for e in entries] == ["79160000000", "79160000001", "79160000006"]
    assert [e.uniqueid for e in entries] == ["led-0", "led-1", ""]
    assert [e.result for e in entries] == ["ANSWER", "BUSY", "FAILED"]
    assert entries[1].hangup_cause == 17 and entries[0].live
    assert all(before <= e.received_at <= datetime.now(UTC) + timedelta(seconds=1) for e in entries)
    assert entries[0].variables["OBZVON_PROJECT_ID"] == "7"

    async with httpx.AsyncClient(base_url=f"http://127.0.0.1:{api_sim.control_port}") as http:
        ledger = (await http.get("/ledger")).json()
    assert [row["channel_id"] for row in ledger] == ["led-0", "led-1", "led-6"]
    assert ledger[0]["endpoint"] == "trunk1" and ledger[0]["async"] is True
    assert datetime.fromisoformat(ledger[0]["received_at"]).tzinfo is not None


async def test_recorded_call_leaves_a_wav_as_long_as_the_call(api_sim: PbxSim, client: RawAmi) -> None:
    await originate(client, "79160000007", "rec-1", record=True)
    start = await client.wait_for(lambda m: m.event == "MixMonitorStart")
    hangup = await hangup_of(client, "rec-1")
    stop = client.events("MixMonitorStop")
    assert stop and client.messages.index(stop[0]) < client.messages.index(hangup)
    path = Path(str(api_sim.config.recordings_dir)) / "rec-1.wav"
    header = path.read_bytes()[:16]
    assert header[:4] == b"RIFF" and header[8:16] == b"WAVEfmt "
    with wave.open(str(path)) as recording:
        assert recording.getcomptype() == "NONE"
        assert (recording.getnchannels(), recording.getframerate(), recording.getsampwidth()) == (1, 8000, 2)
        seconds = recording.getnframes() / recording.getframerate()
        tone = recording.readframes(800)
    expected = float(hangup["Timestamp"]) - float(start["Timestamp"])
    assert abs(seconds - expected) < 0.05 and seconds > 0
    assert any(byte for byte in tone)  # not silence
    async with httpx.AsyncClient(base_url=f"http://127.0.0.1:{api_sim.control_port}") as http:
        assert (await http.get("/recordings")).json() == [str(path)]


async def test_mixmonitor_action_records_a_waiting_client(api_sim: PbxSim, client: RawAmi) -> None:
    await originate(client, "79160000000", "mm-1")
    await client.wait_for(lambda m: m.get("UserEvent") == "ObzvonWaiting")
    started = await client.action("MixMonitor", Channel="mm-1", File="manual/mm-1.wav")
    assert started["Response"] == "Success" and started["MixMonitorID"].startswith("0x")
    stopped = await client.action("StopMixMonitor", Channel="mm-1")
    assert stopped["Response"] == "Success"
    assert (Path(str(api_sim.config.recordings_dir)) / "manual" / "mm-1.wav").is_file()
    again = await client.action("StopMixMonitor", Channel="mm-1")
    assert again["Response"] == "Error"


async def test_unwritable_recordings_do_not_break_the_call(make_sim: SimFactory, tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-dir"
    blocker.write_text("a file where the monitor directory should be")
    sim = await make_sim(recordings_dir=None)
    sim.engine.recordings_dir = blocker
    ami = await RawAmi.connect(sim.ami_port)
    await ami.login()
    await originate(ami, "79160000007", "rec-x", record=True)
    hangup = await hangup_of(ami, "rec-x")
    assert hangup["Cause"] == "16"
    assert ami.events("MixMonitorStart") and sim.engine.recordings == []
    await ami.close()
