"""PJSIP endpoints the simulated PBX knows: trunks (to clients) and operator phones."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import TYPE_CHECKING

from obzvon_pbx_sim.config import OperatorMode

if TYPE_CHECKING:
    from obzvon_pbx_sim.telephony.channel import Channel

TRUNK_CONTEXT = "obzvon-inbound"  # pjsip.conf template obzvon-trunk: context=
PHONE_CONTEXT = "obzvon-phones"  # pjsip.conf template obzvon-operator: context=


class EndpointKind(StrEnum):
    TRUNK = "trunk"
    OPERATOR = "operator"


@dataclass(eq=False)
class Endpoint:
    name: str
    kind: EndpointKind
    mode: OperatorMode = OperatorMode.AUTO
    answer_delay: float = 2.0
    ringing: list[Channel] = field(default_factory=list)
    device_state: str = "NOT_INUSE"

    @property
    def context(self) -> str:
        return TRUNK_CONTEXT if self.kind is EndpointKind.TRUNK else PHONE_CONTEXT

    @property
    def device(self) -> str:
        return f"PJSIP/{self.name}"

    @property
    def available(self) -> bool:
        return self.kind is EndpointKind.TRUNK or self.mode is not OperatorMode.UNAVAILABLE


class EndpointDirectory:
    def __init__(self, default_mode: OperatorMode, default_delay: float, auto_create: bool) -> None:
        self.default_mode = default_mode
        self.default_delay = default_delay
        self.auto_create = auto_create
        self._endpoints: dict[str, Endpoint] = {}

    def get(self, name: str) -> Endpoint | None:
        return self._endpoints.get(name)

    def add_operator(
        self, name: str, mode: OperatorMode | None = None, answer_delay: float | None = None
    ) -> Endpoint:
        endpoint = self._endpoints.get(name)
        if endpoint is None:
            endpoint = Endpoint(name, EndpointKind.OPERATOR, self.default_mode, self.default_delay)
            self._endpoints[name] = endpoint
        if mode is not None:
            endpoint.mode = mode
        if answer_delay is not None:
            endpoint.answer_delay = answer_delay
        return endpoint

    def add_trunk(self, name: str) -> Endpoint:
        endpoint = self._endpoints.get(name)
        if endpoint is None:
            endpoint = Endpoint(name, EndpointKind.TRUNK)
            self._endpoints[name] = endpoint
        return endpoint

    def resolve(self, name: str, kind: EndpointKind) -> Endpoint | None:
        """An endpoint named in a dial string; unknown ones are created when auto_create is on."""
        endpoint = self._endpoints.get(name)
        if endpoint is not None or not self.auto_create:
            return endpoint
        return self.add_trunk(name) if kind is EndpointKind.TRUNK else self.add_operator(name)

    def all(self) -> list[Endpoint]:
        return sorted(self._endpoints.values(), key=lambda endpoint: (endpoint.kind, endpoint.name))

    def operators(self) -> list[Endpoint]:
        return [endpoint for endpoint in self.all() if endpoint.kind is EndpointKind.OPERATOR]
