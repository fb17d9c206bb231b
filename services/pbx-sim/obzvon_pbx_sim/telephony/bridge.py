"""Two-party basic bridges, as app_dial and the Bridge action create them."""

from __future__ import annotations

import asyncio
import uuid
from dataclasses import dataclass, field
from enum import StrEnum

from obzvon_pbx_sim.telephony.channel import Channel


class BridgeOwner(StrEnum):
    """Who keeps running once the bridge breaks up."""

    DIAL = "dial"  # app_dial: the caller returns to its dialplan, the callee is hung up
    ACTION = "action"  # Bridge action: the remaining party is hung up


@dataclass(eq=False)
class Bridge:
    owner: BridgeOwner
    caller: Channel | None = None
    uniqueid: str = field(default_factory=lambda: str(uuid.uuid4()))
    bridge_type: str = "basic"
    technology: str = "simple_bridge"
    channels: list[Channel] = field(default_factory=list)
    ended: asyncio.Event = field(default_factory=asyncio.Event)
    destroyed: bool = False

    def block(self) -> list[tuple[str, str]]:
        """manager_bridges.c `ast_manager_build_bridge_state_string_prefix`."""
        return [
            ("BridgeUniqueid", self.uniqueid),
            ("BridgeType", self.bridge_type),
            ("BridgeTechnology", self.technology),
            ("BridgeCreator", "<unknown>"),
            ("BridgeName", "<unknown>"),
            ("BridgeNumChannels", str(len(self.channels))),
            ("BridgeVideoSourceMode", "none"),
        ]
