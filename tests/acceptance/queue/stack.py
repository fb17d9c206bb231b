"""The running acceptance stack, as tests see it, and its clock.

Time: pbx-sim, the project timeouts queue-router counts and the campaign's delays all run at ``SCALE``
of real time (one simulated second is 10 ms), so a project's "operator timeout 15 s" rings 150 ms.
Heartbeats are real time, 10 times faster than production (``HEARTBEAT_TIMEOUT``).
"""

import uuid
from dataclasses import dataclass

from fastapi import FastAPI
from obzvon_pbx_sim import ModelParams, PbxSim
from obzvon_platform.bus import Bus
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from tests.acceptance.queue.services import QueueRouterService
from tests.acceptance.queue.watch import BusWatch

SCALE = 0.01
#: An operator not heard from for this long (no /ws ping) goes offline.
HEARTBEAT_TIMEOUT = 3.0
#: Clients whose number ends in 8 or 9 answer after 1 s and stay on the line until hung up; the
#: other last digits keep pbx-sim's fixed outcomes (0: answers and talks 20 s, 1: busy, ...).
STAYING_CLIENTS = ModelParams(
    p_answer=1.0,
    p_busy=0.0,
    p_no_answer=0.0,
    p_reject=0.0,
    p_congestion=0.0,
    p_machine=0.0,
    ring_median=1.0,
    ring_sigma=0.0,
    talk_median=10.0**7,
    talk_sigma=0.0,
)


@dataclass
class Stack:
    sessions: async_sessionmaker[AsyncSession]
    sim: PbxSim
    watch: BusWatch
    commands: Bus
    router: QueueRouterService
    gateway: FastAPI
    ws_url: str

    def call_ids(self, name: str, **fields: object) -> list[uuid.UUID]:
        return [uuid.UUID(data["call_id"]) for data in self.watch.all(name, **fields)]
