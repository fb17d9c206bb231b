"""The PBX's live channels (``CoreShowChannels``), reduced to what the dialer correlates on."""

import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from obzvon_dialer.ami import actions
from obzvon_dialer.ami.connection import AmiConnection
from obzvon_dialer.calls.signals import Leg
from obzvon_dialer.calls.translator import correlate, header


@dataclass(frozen=True)
class LiveChannel:
    name: str
    uniqueid: str
    attempt_id: uuid.UUID | None
    client_leg: bool


def live_channel(item: Mapping[str, Any]) -> LiveChannel:
    found = correlate(item)
    return LiveChannel(
        name=header(item, "Channel"),
        uniqueid=header(item, "Uniqueid"),
        attempt_id=found[0] if found else None,
        client_leg=bool(found and found[1] is Leg.CLIENT),
    )


async def list_channels(connection: AmiConnection) -> list[LiveChannel]:
    """Every channel the PBX has now. Raises when the list cannot be had (no connection, timeout)."""
    reply = await connection.send(actions.core_show_channels())
    messages = reply if isinstance(reply, list) else [reply]
    if messages and not messages[0].success:
        raise RuntimeError(f"CoreShowChannels refused: {messages[0].get('Message', '')}")
    return [live_channel(m) for m in messages if header(m, "Event") == "CoreShowChannel"]
