"""API models of result statuses (F-12)."""

import uuid

from pydantic import BaseModel, ConfigDict, Field


class ResultStatusOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    name: str
    colour: str
    is_active: bool


class ResultStatusCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: str = Field(max_length=200)
    colour: str = "#1677ff"
    is_active: bool = True


class ResultStatusUpdate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: str | None = Field(default=None, max_length=200)
    colour: str | None = None
    is_active: bool | None = None
