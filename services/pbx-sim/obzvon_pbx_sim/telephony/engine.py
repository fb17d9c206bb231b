"""Channel lifecycle: creation, state, hangup, bridges, recordings, redirects and device states."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Coroutine, Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from obzvon_pbx_sim.clock import SimClock
from obzvon_pbx_sim.faults import FaultState
from obzvon_pbx_sim.telephony import causes
from obzvon_pbx_sim.telephony.bridge import Bridge, BridgeOwner
from obzvon_pbx_sim.telephony.channel import Channel, ChannelState
from obzvon_pbx_sim.telephony.endpoints import Endpoint, EndpointDirectory
from obzvon_pbx_sim.telephony.events import Emitter
from obzvon_pbx_sim.telephony.recording import Recording
from obzvon_pbx_sim.telephony.registry import ChannelRegistry

if TYPE_CHECKING:
    from obzvon_pbx_sim.telephony.dialplan import Dialplan

log = logging.getLogger(__name__)

IN_USE_STATES = (ChannelState.UP, ChannelState.RING, ChannelState.BUSY)


class CallEngine:
    def __init__(
        self,
        clock: SimClock,
        emitter: Emitter,
        endpoints: EndpointDirectory,
        faults: FaultState,
        recordings_dir: Path | None,
    ) -> None:
        self.clock = clock
        self.emit = emitter
        self.endpoints = endpoints
        self.faults = faults
        self.recordings_dir = recordings_dir
        self.channels = ChannelRegistry()
        self.dialplan: Dialplan | None = None
        self.recordings: list[Path] = []
        self._tasks: set[asyncio.Task[Any]] = set()

    # -- tasks ----------------------------------------------------------------------------------

    def spawn(self, coro: Coroutine[Any, Any, Any]) -> asyncio.Task[Any]:
        task = asyncio.create_task(coro)
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)
        return task

    async def shutdown(self) -> None:
        """Forget every call without events (the PBX process is gone)."""
        tasks = list(self._tasks)
        for task in tasks:
            task.cancel()
        if tasks:
            await asyncio.wait(tasks, timeout=2.0)
        for chan in self.channels.all():
            chan.hungup = True
            self.channels.remove(chan)
            chan.gone.set()
        for endpoint in self.endpoints.all():
            endpoint.ringing.clear()

    # -- channels -------------------------------------------------------------------------------

    def new_channel(
        self,
        endpoint: Endpoint,
        *,
        uniqueid: str | None = None,
        linkedid: str | None = None,
        state: ChannelState = ChannelState.DOWN,
        exten: str = "s",
        caller: tuple[str, str] = ("", ""),
        connected: tuple[str, str] = ("", ""),
        variables: Iterable[tuple[str, str]] = (),
        application: str = "",
        app_data: str = "",
        accountcode: str = "",
    ) -> Channel:
        unique = uniqueid or self.channels.next_uniqueid()
        chan = Channel(
            name=self.channels.next_name(endpoint.name),
            uniqueid=unique,
            linkedid=linkedid or unique,
            endpoint=endpoint.name,
            context=endpoint.context,
            exten=exten,
            state=state,
            caller_num=caller[0],
            caller_name=caller[1],
            connected_num=connected[0],
            connected_name=connected[1],
            application=application,
            app_data=app_data,
            accountcode=accountcode,
        )
        for name, value in variables:
            chan.set_var(name, value)
        self.channels.add(chan)
        self.emit.channel("Newchannel", chan)
        return chan

    def set_state(self, chan: Channel, state: ChannelState) -> None:
        if chan.state == state:
            return
        chan.state = state
        if state == ChannelState.UP and chan.answered_at is None:
            chan.answered_at = self.clock.monotonic()
        self.emit.channel("Newstate", chan)

    def step(self, chan: Channel, priority: int, application: str, data: str = "") -> None:
        """Advance the dialplan position (Newexten is filtered out by manager.conf)."""
        chan.priority = priority
        chan.application = application
        chan.app_data = data

    def device_state(self, endpoint: Endpoint) -> str:
        """chan_pjsip_devicestate: aggregate of the endpoint's channels."""
        if not endpoint.available:
            return "UNAVAILABLE"
        states = [chan.state for chan in self.channels.of_endpoint(endpoint.name)]
        in_use = any(state in IN_USE_STATES for state in states)
        ringing = ChannelState.RINGING in states
        if in_use and ringing:
            return "RINGINUSE"
        if in_use:
            return "INUSE"
        if ringing:
            return "RINGING"
        return "NOT_INUSE"

    def refresh_device(self, endpoint_name: str) -> None:
        endpoint = self.endpoints.get(endpoint_name)
        if endpoint is None:
            return
        state = self.device_state(endpoint)
        if state != endpoint.device_state:
            endpoint.device_state = state
            self.emit.device_state(endpoint.device, state)

    def endpoint_busy(self, endpoint: Endpoint) -> bool:
        return bool(self.channels.of_endpoint(endpoint.name))

    # -- dialplan -------------------------------------------------------------------------------

    def start_dialplan(self, chan: Channel, context: str, exten: str, priority: int = 1) -> None:
        chan.context, chan.exten, chan.priority = context, exten, priority
        chan.dialplan_task = self.spawn(self._run_dialplan(chan, context, exten))

    async def _run_dialplan(self, chan: Channel, context: str, exten: str) -> None:
        assert self.dialplan is not None
        try:
            await self.dialplan.run(chan, context, exten)
        except asyncio.CancelledError:
            raise
        except Exception:
            log.exception("dialplan failed on %s", chan.name)
            await self.hangup(chan, causes.NORMAL_CLEARING, request=None)

    def schedule_remote_hangup(self, chan: Channel, after: float | None) -> None:
        """The far party hangs up `after` simulated seconds from now (a BYE → HangupRequest)."""
        if after is None:
            return

        async def later() -> None:
            await self.clock.sleep(after)
            await self.hangup(chan, causes.NORMAL_CLEARING, request="remote")

        chan.remote_task = self.spawn(later())

    async def take_over(self, chan: Channel) -> None:
        """Pull a channel out of whatever it runs (its dialplan, its bridge)."""
        await _stop_task(chan.dialplan_task)
        chan.dialplan_task = None
        if chan.bridge is not None:
            await self.leave_bridge(chan)

    async def redirect(self, chan: Channel, context: str, exten: str, priority: int = 1) -> None:
        await self.take_over(chan)
        if not chan.hungup:
            self.start_dialplan(chan, context, exten, priority)

    # -- hangup ---------------------------------------------------------------------------------

    async def hangup(
        self,
        chan: Channel,
        cause: int = causes.NORMAL_CLEARING,
        *,
        request: str | None = "soft",
        tech_cause: int | None = None,
    ) -> None:
        """Hang a channel up. `request` is "soft" (dialplan or AMI: SoftHangupRequest),
        "remote" (the far end sent BYE or a failure: HangupRequest) or None (no request event)."""
        if chan.hungup:
            return
        if request is not None:
            self.emit.hangup_request(chan, cause, tech_cause, soft=request == "soft")
        if chan.dialing and chan.far_end is not None and chan.far_end.pending:
            # Still being dialed: the dialing code reports the failure and finishes the hangup.
            chan.far_end.hang_up_locally(cause)
            return
        chan.hungup = True
        await _stop_task(chan.remote_task)
        await _stop_task(chan.dialplan_task)
        if chan.bridge is not None:
            await self.leave_bridge(chan)
        if chan.recording is not None:
            await self.stop_recording(chan)
        chan.hangup_cause = cause
        self.emit.hangup(chan, cause, tech_cause)
        self.channels.remove(chan)
        chan.gone.set()
        self.refresh_device(chan.endpoint)

    # -- bridges --------------------------------------------------------------------------------

    async def bridge_pair(self, caller: Channel, callee: Channel, owner: BridgeOwner) -> Bridge:
        """Put two channels in a basic bridge and wait until it breaks up."""
        bridge = Bridge(owner, caller=caller)
        self.emit.bridge("BridgeCreate", bridge)
        for chan in (caller, callee):
            if chan.hungup:
                continue
            bridge.channels.append(chan)
            chan.bridge = bridge
            self.emit.bridge("BridgeEnter", bridge, chan)
        if len(bridge.channels) < 2:
            for chan in list(bridge.channels):
                await self.leave_bridge(chan)
            if not bridge.destroyed:
                bridge.destroyed = True
                self.emit.bridge("BridgeDestroy", bridge)
                bridge.ended.set()
        await bridge.ended.wait()
        return bridge

    async def leave_bridge(self, chan: Channel) -> None:
        bridge = chan.bridge
        if bridge is None:
            return
        chan.bridge = None
        if chan in bridge.channels:
            bridge.channels.remove(chan)
            self.emit.bridge("BridgeLeave", bridge, chan)
        if bridge.destroyed or len(bridge.channels) > 1:
            return
        remaining = list(bridge.channels)
        for other in remaining:
            bridge.channels.remove(other)
            other.bridge = None
            self.emit.bridge("BridgeLeave", bridge, other)
        bridge.destroyed = True
        self.emit.bridge("BridgeDestroy", bridge)
        bridge.ended.set()
        for other in remaining:
            if bridge.owner is BridgeOwner.DIAL and other is bridge.caller:
                continue  # the caller's Dial() returns and its dialplan goes on
            await self.hangup(other, causes.NORMAL_CLEARING, request=None)

    # -- recordings -----------------------------------------------------------------------------

    def start_recording(self, chan: Channel, filename: str) -> Recording:
        if chan.recording is not None:
            return chan.recording
        chan.recording = Recording(self.recordings_dir, filename)
        chan.set_var("MIXMONITOR_FILENAME", str(chan.recording.path or filename))
        self.emit.channel("MixMonitorStart", chan)
        return chan.recording

    async def stop_recording(self, chan: Channel) -> Path | None:
        recording, chan.recording = chan.recording, None
        if recording is None:
            return None
        self.emit.channel("MixMonitorStop", chan)
        path = await recording.finish()
        if path is not None:
            self.recordings.append(path)
        return path


async def _stop_task(task: asyncio.Task[Any] | None) -> None:
    """Cancel a channel's task and wait for its cleanup, unless it is the running task."""
    if task is None or task.done() or task is asyncio.current_task():
        return
    task.cancel()
    with contextlib.suppress(asyncio.CancelledError):
        await asyncio.wait({task})
