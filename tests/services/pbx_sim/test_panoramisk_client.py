"""The dialer's AMI library (panoramisk 1.4) works against the simulator unchanged (F-40)."""

from __future__ import annotations

import asyncio
from typing import Any

from obzvon_pbx_sim import PbxSim
from panoramisk import Manager


class Recorder:
    """Collects the events panoramisk dispatches to handlers."""

    def __init__(self) -> None:
        self.events: list[Any] = []
        self._changed = asyncio.Event()

    def __call__(self, _manager: Manager, message: Any) -> None:
        self.events.append(message)
        self._changed.set()

    async def until(self, predicate: Any, within: float = 5.0) -> None:
        async def wait() -> None:
            while not predicate(self.events):
                self._changed.clear()
                await self._changed.wait()

        await asyncio.wait_for(wait(), within)


async def _connected(sim: PbxSim, recorder: Recorder) -> Manager:
    loop = asyncio.get_running_loop()
    logged_in = asyncio.Event()
    manager = Manager(
        host="127.0.0.1",
        port=sim.ami_port,
        username="crm",
        secret="s3cret",
        loop=loop,
        ping_delay=600,
        forgetable_actions=("ping", "login", "originate"),
        on_login=lambda _manager: logged_in.set(),
    )
    manager.register_event("*", recorder)
    await manager.connect()
    await asyncio.wait_for(logged_in.wait(), 5)
    return manager


async def test_login_ping_and_async_originate_through_panoramisk(sim: PbxSim) -> None:
    recorder = Recorder()
    events = recorder.events
    manager = await _connected(sim, recorder)
    try:
        assert manager.protocol.version == "9.0.0"
        pong = await asyncio.wait_for(manager.send_action({"Action": "Ping"}), 5)
        assert pong.ping == "Pong"
        action = {
            "Action": "Originate",
            "Channel": "PJSIP/79160000007@trunk1",
            "Context": "obzvon-answered",
            "Exten": "s",
            "Priority": "1",
            "Async": "true",
            "ChannelId": "pano-1",
            "CallerID": '"CRM" <74951234567>',
            "Variable": ["OBZVON_ATTEMPT_ID=pano-1", "OBZVON_PROJECT_ID=3"],
        }
        replies = await asyncio.wait_for(manager.send_action(action), 5)
        assert [r.get("Response") for r in replies] == ["Success", "Success"]
        assert replies[0].message == "Originate successfully queued"
        assert replies[1].event == "OriginateResponse"
        assert (replies[1].uniqueid, replies[1].reason) == ("pano-1", "4")

        await recorder.until(lambda seen: any(e.event == "Hangup" and e.uniqueid == "pano-1" for e in seen))
        names = [e.event for e in events if e.uniqueid == "pano-1" or e.destuniqueid == "pano-1"]
        assert names[:3] == ["Newchannel", "NewCallerid", "DialBegin"]
        assert "OriginateResponse" not in names  # panoramisk hands it to the action, not to handlers
        waiting = [e for e in events if e.event == "UserEvent" and e.userevent == "ObzvonWaiting"]
        assert waiting and waiting[0].attemptid == "pano-1" and waiting[0].projectid == "3"
        assert waiting[0].getdict("chanvariable") == {"OBZVON_ATTEMPT_ID": "pano-1", "OBZVON_PROJECT_ID": "3"}
    finally:
        manager.close()


async def test_lists_and_commands_through_panoramisk(sim: PbxSim) -> None:
    recorder = Recorder()
    manager = await _connected(sim, recorder)
    try:
        await asyncio.wait_for(
            manager.send_action(
                {
                    "Action": "Originate",
                    "Channel": "PJSIP/79160000000@trunk1",
                    "Context": "obzvon-answered",
                    "Exten": "s",
                    "Priority": "1",
                    "Async": "true",
                    "ChannelId": "pano-2",
                }
            ),
            5,
        )
        channels = await asyncio.wait_for(manager.send_action({"Action": "CoreShowChannels"}), 5)
        assert channels[0].eventlist == "start"
        assert [c.event for c in channels[1:]] == ["CoreShowChannel", "CoreShowChannelsComplete"]
        assert channels[1].uniqueid == "pano-2" and channels[-1].listitems == "1"
        endpoints = await asyncio.wait_for(manager.send_action({"Action": "PJSIPShowEndpoints"}), 5)
        names = {e.objectname: e.devicestate for e in endpoints if e.event == "EndpointList"}
        assert names == {"101": "Not in use", "102": "Not in use", "trunk1": "In use"}
        version = await asyncio.wait_for(manager.send_command("core show version"), 5)
        assert version.output.startswith("Asterisk 20.")
        reload = await asyncio.wait_for(manager.send_command("module reload res_pjsip.so"), 5)
        assert reload.output == "Module 'res_pjsip.so' reloaded successfully."
        hung = await asyncio.wait_for(manager.send_action({"Action": "Hangup", "Channel": "pano-2"}), 5)
        assert hung.message == "Channel Hungup"
        await recorder.until(lambda seen: any(e.event == "Hangup" and e.uniqueid == "pano-2" for e in seen))
    finally:
        manager.close()
