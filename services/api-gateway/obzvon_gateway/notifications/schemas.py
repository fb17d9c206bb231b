"""API models of notifications."""

import datetime as dt
import uuid
from typing import Any

from pydantic import BaseModel, ConfigDict


class NotificationOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    kind: str
    title: str
    body: str
    payload: dict[str, Any]
    created_at: dt.datetime
    read_at: dt.datetime | None
