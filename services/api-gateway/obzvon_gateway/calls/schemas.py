"""API models of the card's call lists (F-55) and of the card's context (F-51, F-57)."""

import datetime as dt
import uuid

from pydantic import BaseModel


class CallRow(BaseModel):
    """One row of «Звонки» in the card: the manual's columns plus whether a recording can be played."""

    id: uuid.UUID
    project_id: uuid.UUID | None
    project_name: str | None
    started_at: dt.datetime
    direction: str
    call_type: str
    from_number: str | None
    to_number: str | None
    duration_s: int
    talk_s: int
    client_status: str | None
    operator_status: str | None
    outcome: str | None
    operator_id: uuid.UUID | None
    operator_name: str | None
    has_recording: bool


class MessageTemplate(BaseModel):
    name: str
    subject: str | None
    body: str


class ContactContext(BaseModel):
    """What the card shows besides the card itself: the client's zone, whether numbers are shown,
    and the project's e-mail and SMS templates (F-51, F-57)."""

    contact_id: uuid.UUID
    project_id: uuid.UUID
    timezone: str | None
    show_numbers: bool
    email_templates: list[MessageTemplate]
    sms_templates: list[MessageTemplate]
