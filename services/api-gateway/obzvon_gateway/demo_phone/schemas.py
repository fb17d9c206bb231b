"""API models of the demo phone."""

from enum import StrEnum

from pydantic import BaseModel


class PhoneState(StrEnum):
    IDLE = "idle"
    RINGING = "ringing"
    TALKING = "talking"
    UNAVAILABLE = "unavailable"


class DemoPhoneOut(BaseModel):
    """The caller's own extension on the simulated PBX."""

    enabled: bool
    extension: str
    state: PhoneState
    device_state: str


class PhoneActionOut(BaseModel):
    result: str
