"""A simulated channel and its AMI snapshot block."""

from __future__ import annotations

import asyncio
import time
from dataclasses import dataclass, field
from enum import IntEnum
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from obzvon_pbx_sim.telephony.bridge import Bridge
    from obzvon_pbx_sim.telephony.far_end import FarEnd
    from obzvon_pbx_sim.telephony.recording import Recording


class ChannelState(IntEnum):
    DOWN = 0
    RSRVD = 1
    OFFHOOK = 2
    DIALING = 3
    RING = 4
    RINGING = 5
    UP = 6
    BUSY = 7
    DIALING_OFFHOOK = 8
    PRERING = 9


STATE_DESC = {
    ChannelState.DOWN: "Down",
    ChannelState.RSRVD: "Rsrvd",
    ChannelState.OFFHOOK: "OffHook",
    ChannelState.DIALING: "Dialing",
    ChannelState.RING: "Ring",
    ChannelState.RINGING: "Ringing",
    ChannelState.UP: "Up",
    ChannelState.BUSY: "Busy",
    ChannelState.DIALING_OFFHOOK: "Dialing Offhook",
    ChannelState.PRERING: "Pre-ring",
}


@dataclass(eq=False)
class Channel:
    name: str
    uniqueid: str
    linkedid: str
    endpoint: str  # PJSIP endpoint name, e.g. "trunk1" or "101"
    context: str
    exten: str
    priority: int = 1
    state: ChannelState = ChannelState.DOWN
    caller_num: str = ""
    caller_name: str = ""
    connected_num: str = ""
    connected_name: str = ""
    language: str = "en"
    accountcode: str = ""
    application: str = ""
    app_data: str = ""
    variables: dict[str, str] = field(default_factory=dict)
    inherit: dict[str, int] = field(default_factory=dict)  # 1 for `_VAR`, 2 for `__VAR`
    created_at: float = field(default_factory=time.monotonic)
    answered_at: float | None = None
    bridge: Bridge | None = None
    recording: Recording | None = None
    far_end: FarEnd | None = None
    dialplan_task: asyncio.Task[None] | None = None
    remote_task: asyncio.Task[None] | None = None
    hungup: bool = False
    dialing: bool = False
    gone: asyncio.Event = field(default_factory=asyncio.Event)
    hangup_cause: int | None = None

    @property
    def device(self) -> str:
        return f"PJSIP/{self.endpoint}"

    def set_var(self, raw_name: str, value: str) -> None:
        """Set a variable; a `_` / `__` prefix marks it inheritable, as in the dialplan."""
        name = raw_name
        level = 0
        if name.startswith("__"):
            name, level = name[2:], 2
        elif name.startswith("_"):
            name, level = name[1:], 1
        self.variables[name] = value
        if level:
            self.inherit[name] = level
        else:
            self.inherit.pop(name, None)

    def get_var(self, name: str) -> str:
        return self.variables.get(name, "")

    def inherited(self) -> list[tuple[str, str]]:
        """Variables a channel dialed from this one receives (`__` stays inheritable)."""
        result = []
        for name, level in self.inherit.items():
            value = self.variables.get(name, "")
            result.append((f"__{name}" if level == 2 else name, value))
        return result

    def duration(self) -> str:
        seconds = int(time.monotonic() - self.created_at)
        return f"{seconds // 3600:02d}:{seconds % 3600 // 60:02d}:{seconds % 60:02d}"


def unknown(value: str) -> str:
    return value if value else "<unknown>"


def channel_block(chan: Channel, channel_vars: tuple[str, ...], prefix: str = "") -> list[tuple[str, str]]:
    """The snapshot block of manager_channels.c, optionally with a prefix such as `Dest`."""
    block = [
        (f"{prefix}Channel", chan.name),
        (f"{prefix}ChannelState", str(int(chan.state))),
        (f"{prefix}ChannelStateDesc", STATE_DESC[chan.state]),
        (f"{prefix}CallerIDNum", unknown(chan.caller_num)),
        (f"{prefix}CallerIDName", unknown(chan.caller_name)),
        (f"{prefix}ConnectedLineNum", unknown(chan.connected_num)),
        (f"{prefix}ConnectedLineName", unknown(chan.connected_name)),
        (f"{prefix}Language", chan.language),
        (f"{prefix}AccountCode", chan.accountcode),
        (f"{prefix}Context", chan.context),
        (f"{prefix}Exten", chan.exten),
        (f"{prefix}Priority", str(chan.priority)),
        (f"{prefix}Uniqueid", chan.uniqueid),
        (f"{prefix}Linkedid", chan.linkedid),
    ]
    for name in channel_vars:
        block.append((f"{prefix}ChanVariable", f"{name}={chan.get_var(name)}"))
    return block
