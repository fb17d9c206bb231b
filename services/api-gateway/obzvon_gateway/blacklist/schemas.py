"""API models of the global blacklist (F-70)."""

import datetime as dt
import uuid

from pydantic import BaseModel, ConfigDict, Field


class BlacklistEntryOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    phone: str
    comment: str | None
    created_at: dt.datetime


class BlacklistPage(BaseModel):
    items: list[BlacklistEntryOut]
    total: int
    page: int
    per_page: int


class BlacklistAdd(BaseModel):
    model_config = ConfigDict(extra="forbid")

    phone: str = Field(max_length=100)
    comment: str | None = Field(default=None, max_length=500)


class RowError(BaseModel):
    row: int
    value: str
    message: str


class UploadReport(BaseModel):
    """Per-row outcome of an uploaded list: rows with errors are skipped, the rest are added."""

    added: int
    duplicates: int
    errors: list[RowError]
