"""What a person does with a simulated phone: pick up, hang up, go busy or offline."""

from __future__ import annotations

from enum import StrEnum

from obzvon_pbx_sim.config import OperatorMode
from obzvon_pbx_sim.telephony import causes
from obzvon_pbx_sim.telephony.channel import ChannelState
from obzvon_pbx_sim.telephony.endpoints import Endpoint, EndpointKind
from obzvon_pbx_sim.telephony.engine import CallEngine


class PhoneAction(StrEnum):
    ANSWERED = "answered"
    DECLINED = "declined"  # hung up while ringing: 486 Busy Here, as most desk phones send
    HUNG_UP = "hung_up"
    NOTHING = "nothing"  # the phone was idle


class PhoneControl:
    def __init__(self, engine: CallEngine) -> None:
        self.engine = engine

    def operator(self, extension: str) -> Endpoint | None:
        endpoint = self.engine.endpoints.get(extension)
        return endpoint if endpoint is not None and endpoint.kind is EndpointKind.OPERATOR else None

    def answer(self, endpoint: Endpoint) -> PhoneAction:
        for chan in list(endpoint.ringing):
            if chan.far_end is not None and chan.far_end.answer():
                return PhoneAction.ANSWERED
        return PhoneAction.NOTHING

    async def hangup(self, endpoint: Endpoint) -> PhoneAction:
        for chan in list(endpoint.ringing):
            if chan.far_end is not None and chan.far_end.refuse(causes.USER_BUSY):
                return PhoneAction.DECLINED
        for chan in self.engine.channels.of_endpoint(endpoint.name):
            if chan.state == ChannelState.UP and not chan.hungup:
                await self.engine.hangup(chan, causes.NORMAL_CLEARING, request="remote")
                return PhoneAction.HUNG_UP
        return PhoneAction.NOTHING

    def set_mode(self, endpoint: Endpoint, mode: OperatorMode, answer_delay: float | None = None) -> None:
        endpoint.mode = mode
        if answer_delay is not None:
            endpoint.answer_delay = answer_delay
        self.engine.refresh_device(endpoint.name)
