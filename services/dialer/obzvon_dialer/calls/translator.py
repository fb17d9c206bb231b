"""AMI events → call signals.

Correlation: the client's channel has ``Uniqueid`` = the attempt id (Originate ``ChannelId``); any
other channel of the call (the operator's leg) carries ``OBZVON_ATTEMPT_ID`` as a channel variable
(``channelvars=``) and the client's id as ``Linkedid``. Dial events of an Originate carry only the
``Dest`` block. ``OriginateResponse`` carries our ``ActionID`` (``obzvon-originate-<attempt id>``) and
the ChannelId as ``Uniqueid``, even when no channel could be created.

An operator's phone the dialer rings itself (ring-all offers, see ``commands.control``) is originated
with ``ChannelId`` = ``<attempt id>-ring-<extension>-<n>``: its ``BridgeEnter`` means that operator
took the call; its ``Hangup`` before that, or a failed ``OriginateResponse`` (no channel: the phone is
not registered), means a missed ring.

Times come from the event's ``Timestamp`` (``timestampevents=yes``); ``now`` is the fallback.
Events that tell nothing about our calls give ``None``.
"""

import datetime as dt
import re
import uuid
from collections.abc import Callable, Mapping
from typing import Any

from obzvon_dialer.ami import dialplan
from obzvon_dialer.calls.signals import CallSignal, Leg, SignalKind

ORIGINATE_ACTION_PREFIX = "obzvon-originate-"
INBOUND_NAMESPACE = uuid.UUID("0b7d5e0e-3f5c-4a55-8d0e-2f7e8b9c4a10")
OFFER_LEG = re.compile(r"^(?P<attempt>[0-9a-fA-F-]{36})-ring-(?P<extension>[0-9]+)-[0-9a-f]+$")
RING_ACTION_PREFIX = "obzvon-ring-"
Now = Callable[[], dt.datetime]


def utc_now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def header(msg: Mapping[str, Any], name: str) -> str:
    value = msg.get(name, "")
    if isinstance(value, list):
        return str(value[0]) if value else ""
    return str(value or "")


def channel_variables(msg: Mapping[str, Any], prefix: str = "") -> dict[str, str]:
    raw = msg.get(f"{prefix}ChanVariable", [])
    items = raw if isinstance(raw, list) else [raw]
    result: dict[str, str] = {}
    for item in items:
        name, sep, value = str(item).partition("=")
        if sep:
            result[name.strip()] = value
    return result


def as_uuid(value: str) -> uuid.UUID | None:
    if len(value) not in (32, 36):
        return None
    try:
        return uuid.UUID(value)
    except ValueError:
        return None


def event_time(msg: Mapping[str, Any], now: Now = utc_now) -> dt.datetime:
    try:
        return dt.datetime.fromtimestamp(float(header(msg, "Timestamp")), dt.UTC)
    except ValueError:
        return now()


def offer_channel_id(attempt_id: uuid.UUID, extension: str, round_id: str) -> str:
    """The ChannelId of an operator's phone rung for a ring-all offer (``round_id``: hex, per offer)."""
    return f"{attempt_id}-ring-{extension}-{round_id}"


def offer_leg(uniqueid: str) -> tuple[uuid.UUID, str] | None:
    match = OFFER_LEG.match(uniqueid)
    if match is None:
        return None
    attempt_id = as_uuid(match.group("attempt"))
    return (attempt_id, match.group("extension")) if attempt_id is not None else None


#: The caller hanging up (HangupRequest: the far end sent BYE) or the PBX hanging it up (SoftHangupRequest:
#: the dialplan's limit on the wait, or an AMI Hangup).
HANGUP_REQUESTS = ("HangupRequest", "SoftHangupRequest")
#: The inbound caller channel's own events that matter; UserEvents come from the dialplan.
INBOUND_CHANNEL_EVENTS = ("Hangup", *HANGUP_REQUESTS)


def inbound_call_id(uniqueid: str) -> uuid.UUID:
    """The call id of an inbound call: derived from its channel's Uniqueid, the same every time."""
    return uuid.uuid5(INBOUND_NAMESPACE, uniqueid)


def inbound_key(msg: Mapping[str, Any], event: str) -> str | None:
    """The Uniqueid of the inbound call an event is about, if it is about one (``OBZVON_ATTEMPT_ID`` is
    the caller channel's own Uniqueid, which is not a UUID)."""
    if event == "UserEvent":
        key = header(msg, "AttemptId")
    elif event in INBOUND_CHANNEL_EVENTS:
        key = header(msg, "Uniqueid")
        if channel_variables(msg).get(dialplan.ATTEMPT_VAR, "") != key:
            return None  # another leg of the call, or a channel never routed in
    else:
        return None
    return key if key and as_uuid(key) is None else None


def _inbound(msg: Mapping[str, Any], event: str, key: str, now: Now) -> CallSignal | None:
    call_id, at = inbound_call_id(key), event_time(msg, now)
    channel = header(msg, "Channel")
    if event == "Hangup":
        return CallSignal(
            SignalKind.HANGUP, call_id, at, Leg.INBOUND, channel, cause=_cause(header(msg, "Cause"))
        )
    if event in HANGUP_REQUESTS:
        status = "remote" if event == "HangupRequest" else "soft"
        return CallSignal(SignalKind.HANGUP_REQUEST, call_id, at, Leg.INBOUND, channel, status=status)
    name = header(msg, "UserEvent")
    if name == dialplan.INBOUND_EVENT:
        return CallSignal(
            SignalKind.INBOUND,
            call_id,
            at,
            Leg.INBOUND,
            channel,
            project=header(msg, "ProjectId"),
            number=header(msg, "From"),
            trunk=header(msg, "TrunkId"),
            did=header(msg, "Did"),
        )
    if name == dialplan.OPERATOR_DIAL_EVENT:
        return CallSignal(
            SignalKind.OPERATOR_DIAL,
            call_id,
            at,
            Leg.INBOUND,
            channel,
            status=header(msg, "DialStatus"),
            extension=header(msg, "Operator"),
            cause=_cause(header(msg, "HangupCause")),
        )
    return None


def correlate(msg: Mapping[str, Any], prefix: str = "") -> tuple[uuid.UUID, Leg] | None:
    """Which attempt a channel block belongs to, and whether it is the client's leg."""
    own = as_uuid(header(msg, f"{prefix}Uniqueid"))
    if own is not None:
        return own, Leg.CLIENT
    candidates = (
        channel_variables(msg, prefix).get(dialplan.ATTEMPT_VAR, ""),
        header(msg, f"{prefix}Linkedid"),
        header(msg, "AttemptId") if not prefix else "",
    )
    for candidate in candidates:
        found = as_uuid(candidate)
        if found is not None:
            return found, Leg.OPERATOR
    return None


def _cause(value: str) -> int | None:
    try:
        return int(value)
    except ValueError:
        return None


def translate(msg: Mapping[str, Any], now: Now = utc_now) -> CallSignal | None:
    event = header(msg, "Event")
    if event == "OriginateResponse" and header(msg, "ActionID").startswith(RING_ACTION_PREFIX):
        leg_id = header(msg, "ActionID").removeprefix(RING_ACTION_PREFIX)
        offer = offer_leg(leg_id)
        return _offer_event(msg, event, offer, leg_id, now) if offer is not None else None
    if event == "OriginateResponse":
        return _originate_response(msg, now)
    key = inbound_key(msg, event)
    if key is not None:
        return _inbound(msg, event, key, now)
    prefix = "Dest" if event in ("DialBegin", "DialState", "DialEnd") else ""
    leg_id = header(msg, f"{prefix}Uniqueid")
    offer = offer_leg(leg_id)
    if offer is not None:
        return _offer_event(msg, event, offer, leg_id, now)
    found = correlate(msg, prefix)
    if found is None:
        return None
    attempt_id, leg = found
    at = event_time(msg, now)
    channel = header(msg, f"{prefix}Channel")

    def signal(kind: SignalKind, **fields: Any) -> CallSignal:
        return CallSignal(kind, attempt_id, at, leg, channel, **fields)

    if event == "Hangup":
        # ChannelState 6 (Up) at hangup: the channel was answered, even if that event was lost.
        up = "up" if header(msg, f"{prefix}ChannelState") == "6" else ""
        cause = _cause(header(msg, "Cause"))
        return signal(SignalKind.HANGUP, cause=cause, detail=header(msg, "Cause-txt"), status=up)
    if event in HANGUP_REQUESTS:
        return signal(SignalKind.HANGUP_REQUEST, status="remote" if event == "HangupRequest" else "soft")
    if event == "UserEvent":
        return _user_event(msg, signal)
    if leg is not Leg.CLIENT:
        return None  # the operator's leg is followed through the dialplan's user events
    if event in ("Newchannel", "DialBegin"):
        return signal(SignalKind.SEEN)
    if event == "Newstate":
        state = header(msg, "ChannelState")
        kinds = {"5": SignalKind.RINGING, "6": SignalKind.UP}
        return signal(kinds.get(state, SignalKind.SEEN))
    if event == "DialState":
        ringing = header(msg, "DialStatus") == "RINGING"
        return signal(SignalKind.RINGING if ringing else SignalKind.SEEN)
    if event == "DialEnd":
        return signal(SignalKind.DIAL_END, status=header(msg, "DialStatus"))
    if event == "MixMonitorStart":
        return signal(SignalKind.RECORDING)
    return None


def _user_event(msg: Mapping[str, Any], signal: Callable[..., CallSignal]) -> CallSignal | None:
    name = header(msg, "UserEvent")
    if name == dialplan.AMD_EVENT:
        return signal(SignalKind.AMD, status=header(msg, "AmdStatus"), detail=header(msg, "AmdCause"))
    if name == dialplan.WAITING_EVENT:
        return signal(SignalKind.WAITING)
    if name == dialplan.OPERATOR_DIAL_EVENT:
        return signal(
            SignalKind.OPERATOR_DIAL,
            status=header(msg, "DialStatus"),
            extension=header(msg, "Operator"),
            cause=_cause(header(msg, "HangupCause")),
        )
    if name == dialplan.MANUAL_DIAL_EVENT:
        return signal(
            SignalKind.MANUAL_DIAL, status=header(msg, "DialStatus"), cause=_cause(header(msg, "HangupCause"))
        )
    return None


def _offer_event(
    msg: Mapping[str, Any], event: str, offer: tuple[uuid.UUID, str], leg_id: str, now: Now
) -> CallSignal | None:
    attempt_id, extension = offer
    at = event_time(msg, now)
    leg = {"channel": header(msg, "Channel"), "extension": extension, "leg_id": leg_id}
    if event == "BridgeEnter":
        return CallSignal(SignalKind.OPERATOR_DIAL, attempt_id, at, Leg.OFFER, status="ANSWER", **leg)
    if event == "Hangup":
        return CallSignal(
            SignalKind.HANGUP, attempt_id, at, Leg.OFFER, cause=_cause(header(msg, "Cause")), **leg
        )
    if event == "OriginateResponse" and header(msg, "Response") != "Success":
        return CallSignal(SignalKind.HANGUP, attempt_id, at, Leg.OFFER, cause=20, **leg)  # no channel
    return None


def _originate_response(msg: Mapping[str, Any], now: Now) -> CallSignal | None:
    action_id = header(msg, "ActionID")
    attempt_id = as_uuid(header(msg, "Uniqueid"))
    if attempt_id is None and action_id.startswith(ORIGINATE_ACTION_PREFIX):
        attempt_id = as_uuid(action_id.removeprefix(ORIGINATE_ACTION_PREFIX))
    if attempt_id is None:
        return None
    at = event_time(msg, now)
    if header(msg, "Response") == "Success":
        return CallSignal(SignalKind.UP, attempt_id, at, Leg.CLIENT, header(msg, "Channel"))
    return CallSignal(SignalKind.ORIGINATE_FAILED, attempt_id, at, cause=_cause(header(msg, "Reason")))
