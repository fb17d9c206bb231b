"""API models of tasks (F-54)."""

import datetime as dt
import uuid
from enum import StrEnum

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field


class TaskStatus(StrEnum):
    """Shown as colours: done green, overdue red, active black (F-54)."""

    ACTIVE = "active"
    OVERDUE = "overdue"
    DONE = "done"


class TaskCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    contact_id: uuid.UUID
    text: str = Field(default="", max_length=2000)
    due_at: AwareDatetime
    call_automatically: bool = False
    operator_id: uuid.UUID | None = Field(default=None, description="Whose task; the caller by default.")


class TaskUpdate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    text: str | None = Field(default=None, max_length=2000)
    due_at: AwareDatetime | None = None
    call_automatically: bool | None = None


class TaskOut(BaseModel):
    id: uuid.UUID
    operator_id: uuid.UUID
    contact_id: uuid.UUID
    project_id: uuid.UUID
    text: str
    due_at: dt.datetime
    call_automatically: bool
    done_at: dt.datetime | None
    overdue: bool
    status: TaskStatus
