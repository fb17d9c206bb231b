"""API models of operator states (F-50)."""

import datetime as dt
import uuid
from enum import StrEnum

from obzvon_db.enums import OperatorState
from pydantic import BaseModel, ConfigDict


class ChosenState(StrEnum):
    """The states an operator picks in the status selector."""

    ACTIVE = "active"
    PAUSE = "pause"
    DND = "dnd"
    INACTIVE = "inactive"


class OperatorStateOut(BaseModel):
    """An operator's current state (system states included) and the last state they chose."""

    operator_id: uuid.UUID
    full_name: str
    extension: str | None
    state: OperatorState
    chosen_state: ChosenState
    since: dt.datetime | None


class StateChange(BaseModel):
    model_config = ConfigDict(extra="forbid")

    state: ChosenState
