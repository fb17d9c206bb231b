"""Bodies and replies of the control API."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from obzvon_pbx_sim.config import OperatorMode
from obzvon_pbx_sim.telephony.channel import STATE_DESC, Channel
from obzvon_pbx_sim.telephony.endpoints import Endpoint


class ModeBody(BaseModel):
    mode: OperatorMode
    answer_delay: float | None = Field(default=None, ge=0)


class EndpointBody(BaseModel):
    mode: OperatorMode | None = None
    answer_delay: float | None = Field(default=None, ge=0)


class HangupBody(BaseModel):
    cause: int = Field(default=16, ge=1, le=127)


class InboundBody(BaseModel):
    model_config = ConfigDict(populate_by_name=True)

    caller: str = Field(alias="from", min_length=1, max_length=64)
    did: str = Field(default="", max_length=64)
    trunk: str = Field(default="trunk1", min_length=1, max_length=80)
    trunk_id: str = ""
    project_id: str = ""
    record: bool = False
    moh: str = ""
    hangup_after: float | None = Field(default=None, ge=0)


class BlackholeBody(BaseModel):
    enabled: bool


class ShutdownBody(BaseModel):
    restart: bool = True


class RestartBody(BaseModel):
    downtime: float = Field(default=0.0, ge=0, le=600)


class ChaosBody(BaseModel):
    duplicate_rate: float = Field(default=0.0, ge=0, le=1)
    drop_rate: float = Field(default=0.0, ge=0, le=1)
    timestamp_skew: float = 0.0
    hangup_first: bool = False


class EndpointView(BaseModel):
    name: str
    kind: str
    mode: str
    answer_delay: float
    device_state: str
    ringing: list[str]

    @classmethod
    def of(cls, endpoint: Endpoint, device_state: str) -> EndpointView:
        return cls(
            name=endpoint.name,
            kind=endpoint.kind.value,
            mode=endpoint.mode.value,
            answer_delay=endpoint.answer_delay,
            device_state=device_state,
            ringing=[chan.name for chan in endpoint.ringing],
        )


class ChannelView(BaseModel):
    name: str
    uniqueid: str
    linkedid: str
    endpoint: str
    state: int
    state_desc: str
    caller_num: str
    context: str
    exten: str
    application: str
    bridge: str | None
    recording: str | None
    variables: dict[str, Any]

    @classmethod
    def of(cls, chan: Channel) -> ChannelView:
        recording = chan.recording.path if chan.recording is not None else None
        return cls(
            name=chan.name,
            uniqueid=chan.uniqueid,
            linkedid=chan.linkedid,
            endpoint=chan.endpoint,
            state=int(chan.state),
            state_desc=STATE_DESC[chan.state],
            caller_num=chan.caller_num,
            context=chan.context,
            exten=chan.exten,
            application=chan.application,
            bridge=chan.bridge.uniqueid if chan.bridge else None,
            recording=str(recording) if recording else None,
            variables=dict(chan.variables),
        )
