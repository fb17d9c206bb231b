"""List actions: CoreShowChannels, PJSIPShowEndpoints and QueueStatus."""

from __future__ import annotations

from obzvon_pbx_sim.actions.context import ActionContext, Handler
from obzvon_pbx_sim.ami.message import AmiMessage
from obzvon_pbx_sim.ami.responses import error, list_complete, list_item, list_start
from obzvon_pbx_sim.ami.session import AmiSession
from obzvon_pbx_sim.telephony.channel import channel_block
from obzvon_pbx_sim.telephony.endpoints import Endpoint, EndpointKind

DEVICE_STATE_TEXT = {
    "UNKNOWN": "Unknown",
    "NOT_INUSE": "Not in use",
    "INUSE": "In use",
    "BUSY": "Busy",
    "INVALID": "Invalid",
    "UNAVAILABLE": "Unavailable",
    "RINGING": "Ringing",
    "RINGINUSE": "Ring+Inuse",
    "ONHOLD": "On Hold",
}


async def core_show_channels(ctx: ActionContext, session: AmiSession, msg: AmiMessage) -> None:
    channels = ctx.engine.channels.all()
    session.send(list_start(msg, "Channels will follow"))
    for chan in channels:
        body = channel_block(chan, ctx.config.channel_vars)
        body += [
            ("Application", chan.application),
            ("ApplicationData", chan.app_data),
            ("Duration", chan.duration()),
            ("BridgeId", chan.bridge.uniqueid if chan.bridge else ""),
        ]
        session.send(list_item(msg, "CoreShowChannel", body))
    session.send(list_complete(msg, "CoreShowChannelsComplete", len(channels)))


def _endpoint_item(ctx: ActionContext, endpoint: Endpoint) -> list[tuple[str, str]]:
    trunk = endpoint.kind is EndpointKind.TRUNK
    state = ctx.engine.device_state(endpoint)
    channels = ctx.engine.channels.of_endpoint(endpoint.name)
    contact = "" if not endpoint.available else f"{endpoint.name}/sip:{endpoint.name}@127.0.0.1:5060"
    return [
        ("ObjectType", "endpoint"),
        ("ObjectName", endpoint.name),
        ("Transport", "obzvon-udp"),
        ("Aor", endpoint.name),
        ("Auths", "" if trunk else endpoint.name),
        ("OutboundAuths", endpoint.name if trunk else ""),
        ("Contacts", contact),
        ("DeviceState", DEVICE_STATE_TEXT.get(state, "Unknown")),
        ("ActiveChannels", ",".join(chan.uniqueid for chan in channels)),
    ]


async def pjsip_show_endpoints(ctx: ActionContext, session: AmiSession, msg: AmiMessage) -> None:
    endpoints = ctx.engine.endpoints.all()
    if not endpoints:
        session.send(error(msg, "No endpoints found"))
        return
    session.send(list_start(msg, "A listing of Endpoints follows, presented as EndpointList events"))
    for endpoint in endpoints:
        session.send(list_item(msg, "EndpointList", _endpoint_item(ctx, endpoint)))
    session.send(list_complete(msg, "EndpointListComplete", len(endpoints)))


async def queue_status(ctx: ActionContext, session: AmiSession, msg: AmiMessage) -> None:
    """No app_queue queues here: the product routes calls itself (queue-router)."""
    session.send(list_start(msg, "Queue status will follow"))
    session.send(list_complete(msg, "QueueStatusComplete", 0))


HANDLERS: dict[str, Handler] = {
    "coreshowchannels": core_show_channels,
    "pjsipshowendpoints": pjsip_show_endpoints,
    "queuestatus": queue_status,
}
