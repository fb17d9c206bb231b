"""API models of the operator's own dashboard (F-63)."""

import datetime as dt

from pydantic import BaseModel


class StateTime(BaseModel):
    state: str
    seconds: int


class CallCounts(BaseModel):
    total: int
    answered: int
    inbound: int
    outbound: int
    talk_seconds: int


class MyDashboard(BaseModel):
    """Today (in ``timezone``) up to now: seconds in each operator state, and the calls talked in."""

    day: dt.date
    timezone: str
    states: list[StateTime]
    calls: CallCounts
