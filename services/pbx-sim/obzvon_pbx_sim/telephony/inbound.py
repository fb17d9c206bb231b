"""A call arriving from a trunk (the control API plays the caller)."""

from __future__ import annotations

from dataclasses import dataclass

from obzvon_pbx_sim.telephony.channel import Channel, ChannelState
from obzvon_pbx_sim.telephony.dialplan import INBOUND
from obzvon_pbx_sim.telephony.engine import CallEngine


@dataclass
class InboundCall:
    caller: str
    did: str = ""
    trunk: str = "trunk1"
    trunk_id: str = ""
    project_id: str = ""  # pjsip set_var OBZVON_INBOUND_PROJECT_ID of the trunk; "" → rejected
    record: bool = False
    moh: str = ""
    hangup_after: float | None = None  # the caller hangs up this long after calling


def start_inbound(engine: CallEngine, call: InboundCall) -> Channel:
    endpoint = engine.endpoints.add_trunk(call.trunk)
    variables = [
        ("OBZVON_TRUNK_ID", call.trunk_id),
        ("OBZVON_INBOUND_PROJECT_ID", call.project_id),
        ("OBZVON_INBOUND_RECORD", "1" if call.record else "0"),
        ("OBZVON_INBOUND_MOH", call.moh),
    ]
    exten = call.did or "s"
    chan = engine.new_channel(
        endpoint, state=ChannelState.RING, exten=exten, caller=(call.caller, ""), variables=variables
    )
    engine.refresh_device(endpoint.name)
    engine.schedule_remote_hangup(chan, call.hangup_after)
    engine.start_dialplan(chan, INBOUND, exten)
    return chan
