"""API models of live monitoring (F-64)."""

import datetime as dt
import uuid

from pydantic import BaseModel


class OperatorNow(BaseModel):
    operator_id: uuid.UUID
    full_name: str
    extension: str | None
    state: str
    since: dt.datetime | None
    seconds_in_state: int
    online: bool


class WaitingCallNow(BaseModel):
    call_id: uuid.UUID
    position: int
    phone: str | None
    waiting_since: dt.datetime
    wait_seconds: int


class ProjectQueueNow(BaseModel):
    project_id: uuid.UUID
    name: str
    strategy: str
    waiting: list[WaitingCallNow]


class MonitoringSnapshot(BaseModel):
    """Everything the monitoring page shows; later changes arrive over the WebSocket
    (``operator_state_changed``, ``queue_updated``)."""

    at: dt.datetime
    online: int
    offline: int
    operators: list[OperatorNow]
    projects: list[ProjectQueueNow]
