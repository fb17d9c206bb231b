"""What an action handler can reach."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from obzvon_pbx_sim.ami.message import AmiMessage
from obzvon_pbx_sim.ami.session import AmiSession
from obzvon_pbx_sim.clock import SimClock
from obzvon_pbx_sim.config import SimConfig
from obzvon_pbx_sim.telephony.engine import CallEngine
from obzvon_pbx_sim.telephony.originate import Originator

if TYPE_CHECKING:
    from obzvon_pbx_sim.ami.server import AmiServer


@dataclass
class ActionContext:
    config: SimConfig
    clock: SimClock
    engine: CallEngine
    originator: Originator
    server: AmiServer | None = None
    globals: dict[str, str] = field(default_factory=dict)


Handler = Callable[[ActionContext, AmiSession, AmiMessage], Awaitable[None]]
