"""PbxSim: one simulated Asterisk (AMI server, call engine, control API) for tests and demos."""

from __future__ import annotations

import asyncio
import logging
import random
from types import TracebackType

from obzvon_pbx_sim.actions import ActionContext, ActionDispatcher
from obzvon_pbx_sim.ami.server import AmiServer
from obzvon_pbx_sim.clock import SimClock
from obzvon_pbx_sim.config import RulesKind, SimConfig
from obzvon_pbx_sim.control.router import create_app
from obzvon_pbx_sim.control.server import ControlServer
from obzvon_pbx_sim.faults import FaultState
from obzvon_pbx_sim.ledger import Ledger
from obzvon_pbx_sim.outcomes.last_digit import LastDigitRules
from obzvon_pbx_sim.outcomes.model import ModelRules
from obzvon_pbx_sim.outcomes.types import OutcomeRules
from obzvon_pbx_sim.telephony.channel import Channel
from obzvon_pbx_sim.telephony.dialplan import Dialplan
from obzvon_pbx_sim.telephony.endpoints import EndpointDirectory
from obzvon_pbx_sim.telephony.engine import CallEngine
from obzvon_pbx_sim.telephony.events import Emitter
from obzvon_pbx_sim.telephony.inbound import InboundCall, start_inbound
from obzvon_pbx_sim.telephony.originate import Originator
from obzvon_pbx_sim.telephony.phones import PhoneControl

log = logging.getLogger(__name__)


class PbxSim:
    """Use as `async with PbxSim(config) as sim:`; `sim.ami_port`, `sim.control_port`,
    `sim.ledger` and the fault methods are the test-facing API."""

    def __init__(self, config: SimConfig) -> None:
        self.config = config
        self.clock = SimClock(config.time_scale)
        self.faults = FaultState(rng=random.Random(config.seed))
        self.rules = self._rules(config)
        self.endpoints = EndpointDirectory(
            config.operator_mode, config.operator_answer_delay, config.auto_create_endpoints
        )
        for extension in config.operators:
            self.endpoints.add_operator(extension)
        self.ledger = Ledger()
        self.ami = AmiServer(config, self.clock, self.faults)
        emitter = Emitter(self.ami, config.channel_vars)
        self.engine = CallEngine(self.clock, emitter, self.endpoints, self.faults, config.recordings_dir)
        self.engine.dialplan = Dialplan(self.engine, self.rules, config)
        self.originator = Originator(self.engine, self.rules, self.ledger)
        context = ActionContext(config, self.clock, self.engine, self.originator, self.ami)
        self.ami.dispatcher = ActionDispatcher(context)
        self.phones = PhoneControl(self.engine)
        self._control: ControlServer | None = None

    @staticmethod
    def _rules(config: SimConfig) -> OutcomeRules:
        model = ModelRules(config.model, random.Random(config.seed))
        return LastDigitRules(model) if config.rules is RulesKind.LAST_DIGIT else model

    # -- lifecycle ------------------------------------------------------------------------------

    async def start(self) -> None:
        if self.config.recordings_dir is not None:
            self.config.recordings_dir.mkdir(parents=True, exist_ok=True)
        await self.ami.start()
        if self.config.control_port is not None:
            self._control = ControlServer(
                create_app(self), self.config.control_host, self.config.control_port
            )
            await self._control.start()
            log.info("control API on http://%s:%s", self.config.control_host, self._control.port)

    async def stop(self) -> None:
        if self._control is not None:
            await self._control.stop()
            self._control = None
        await self.ami.stop()
        await self.engine.shutdown()

    async def __aenter__(self) -> PbxSim:
        await self.start()
        return self

    async def __aexit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        await self.stop()

    @property
    def ami_port(self) -> int:
        return self.ami.port

    @property
    def control_port(self) -> int | None:
        return self._control.port if self._control is not None else None

    # -- calls ----------------------------------------------------------------------------------

    def inbound_call(self, call: InboundCall) -> Channel:
        return start_inbound(self.engine, call)

    # -- faults (reliability.md §3, F4/F6/F7) ---------------------------------------------------

    def close_clients(self) -> int:
        """Close every AMI client socket at once."""
        return self.ami.close_clients()

    def blackhole(self, enabled: bool = True) -> None:
        """Stop reading from and writing to AMI clients, keeping the sockets open."""
        self.faults.set_blackhole(enabled)

    def send_shutdown(self, restart: bool = True) -> None:
        """`Event: Shutdown` to every client, then close the connections."""
        self.ami.send_shutdown(restart)

    async def stop_ami(self) -> None:
        """The PBX goes down: the listener closes, clients drop and every call is gone."""
        await self.ami.stop()
        await self.engine.shutdown()

    async def start_ami(self) -> None:
        """The PBX comes back on the same port, with a fresh uptime and no calls."""
        self.clock.started_at = self.clock.last_reload = self.clock.epoch()
        await self.ami.start()

    async def restart_ami(self, downtime: float = 0.0) -> None:
        await self.stop_ami()
        if downtime:
            await asyncio.sleep(downtime)
        await self.start_ami()
