"""API output models of projects: the list row (F-20) and every setting grouped by tab (F-22..F-28)."""

import datetime as dt
import uuid

from obzvon_db.enums import CardFieldType, DialMode, QueueStrategy, RetryOutcome
from pydantic import BaseModel


class Ref(BaseModel):
    id: uuid.UUID
    name: str


class ProjectSummary(BaseModel):
    id: uuid.UUID
    name: str
    is_active: bool
    is_running: bool
    created_at: dt.datetime | None = None
    groups: list[Ref] = []
    supervisors: list[Ref] = []


class ProjectTabOut(BaseModel):
    name: str
    show_numbers: bool
    amd_enabled: bool
    robot_enabled: bool
    starts_on: dt.date | None
    ends_on: dt.date | None
    timezone: str
    client_window_start: str
    client_window_end: str
    caller_id: str | None
    trunk_id: uuid.UUID | None
    is_active: bool
    is_running: bool
    call_from_end: bool


class CardFieldOut(BaseModel):
    key: str
    label: str
    field_type: CardFieldType
    is_required: bool
    position: int
    is_custom: bool


class CardTemplateOut(BaseModel):
    fixed_fields: list[CardFieldOut]
    custom_fields: list[CardFieldOut]


class IntervalOut(BaseModel):
    weekday: int
    start: str
    end: str


class ScheduleOut(BaseModel):
    intervals: list[IntervalOut]


class PinnedStatusOut(BaseModel):
    result_status_id: uuid.UUID
    operator_id: uuid.UUID


class QueueTabOut(BaseModel):
    group_ids: list[uuid.UUID]
    queue_timeout_s: int
    operator_timeout_s: int
    strategy: QueueStrategy
    auto_answer: bool
    music_on_hold: bool
    supervisor_ids: list[uuid.UUID]
    result_status_ids: list[uuid.UUID]
    pinned_statuses: list[PinnedStatusOut]


class RetryRuleOut(BaseModel):
    intervals: str
    attempts: int


class AttemptsTabOut(BaseModel):
    dial_timeout_s: int
    global_timeout_s: int | None
    max_concurrent_calls: int
    dial_mode: DialMode
    predictive_percent: int
    max_attempts: int
    retries: dict[RetryOutcome, RetryRuleOut]


class ScriptTabOut(BaseModel):
    script_html: str


class Bitrix24Out(BaseModel):
    """Never carries the password: `has_password` tells whether one is stored."""

    is_enabled: bool
    lead_status_ids: list[uuid.UUID]
    host: str | None
    name: str | None
    login: str | None
    has_password: bool
    source_id: str | None
    assigned_by_id: str | None


class MessageTemplateOut(BaseModel):
    name: str
    subject: str | None
    body: str


class IntegrationTabOut(BaseModel):
    bitrix24: Bitrix24Out
    sms_templates: list[MessageTemplateOut]
    email_templates: list[MessageTemplateOut]


class ProjectDetail(ProjectSummary):
    """One project with all its settings; `integration` is null for operators."""

    project: ProjectTabOut
    card_template: CardTemplateOut
    schedule: ScheduleOut
    queue: QueueTabOut
    attempts: AttemptsTabOut
    script: ScriptTabOut
    integration: IntegrationTabOut | None
