"""Applications an Originate may run on the answered channel instead of a dialplan context."""

from __future__ import annotations

from obzvon_pbx_sim.telephony import causes
from obzvon_pbx_sim.telephony.bridge import BridgeOwner
from obzvon_pbx_sim.telephony.channel import Channel
from obzvon_pbx_sim.telephony.engine import CallEngine


async def run_application(engine: CallEngine, chan: Channel, app: str, data: str) -> None:
    chan.application, chan.app_data = app, data
    name = app.lower()
    if name == "bridge":
        await _bridge(engine, chan, data.split(",", 1)[0].strip())
    elif name == "hangup":
        await engine.hangup(chan, _cause(data), request="soft")
    elif name == "wait":
        await engine.clock.sleep(_seconds(data))
        await engine.hangup(chan, causes.NORMAL_CLEARING, request="soft")
    else:
        # Playback, MusicOnHold, Echo...: the channel stays up until someone hangs up.
        await chan.gone.wait()


async def _bridge(engine: CallEngine, chan: Channel, target_name: str) -> None:
    target = engine.channels.find(target_name)
    if target is None or target is chan:
        await engine.hangup(chan, causes.NORMAL_CLEARING, request="soft")
        return
    await engine.take_over(target)
    await engine.bridge_pair(chan, target, BridgeOwner.ACTION)
    await engine.hangup(chan, causes.NORMAL_CLEARING, request=None)


def _cause(data: str) -> int:
    try:
        return int(data)
    except ValueError:
        return causes.NORMAL_CLEARING


def _seconds(data: str) -> float:
    try:
        return float(data)
    except ValueError:
        return 0.0
