"""API input models of projects: creation and a PATCH per settings tab (F-21..F-28).

Types are checked here; the rules (ranges, orders, references) are checked by `validation.py` so that
each message names its field in Russian and English.
"""

import datetime as dt
import uuid

from obzvon_db.enums import CardFieldType, DialMode, QueueStrategy, RetryOutcome
from pydantic import BaseModel, ConfigDict, Field


class _Input(BaseModel):
    model_config = ConfigDict(extra="forbid")


class ProjectCreate(_Input):
    """F-21: the four fields of the creation form."""

    name: str = Field(max_length=300)
    queue_timeout_s: int = 60
    operator_timeout_s: int = 15
    strategy: QueueStrategy = QueueStrategy.RING_ALL


class ProjectTabIn(_Input):
    """F-22, F-5.3, F-5.4. Times are `HH:MM`; the client window is in each client's own zone."""

    name: str | None = Field(default=None, max_length=300)
    show_numbers: bool | None = None
    amd_enabled: bool | None = None
    robot_enabled: bool | None = None
    starts_on: dt.date | None = None
    ends_on: dt.date | None = None
    timezone: str | None = None
    client_window_start: str | None = None
    client_window_end: str | None = None
    caller_id: str | None = None
    trunk_id: uuid.UUID | None = None
    is_running: bool | None = None
    call_from_end: bool | None = None


class CardFieldIn(_Input):
    key: str
    label: str = Field(max_length=200)
    field_type: CardFieldType = CardFieldType.TEXT
    is_required: bool = False
    position: int = 0


class CardTemplateIn(_Input):
    """F-23: the custom fields (the fixed ones are always there); the list replaces the old one."""

    custom_fields: list[CardFieldIn] = Field(max_length=200)


class IntervalIn(_Input):
    weekday: int
    start: str
    end: str


class ScheduleIn(_Input):
    """F-24: calling intervals per weekday (0 = Monday) in the call-centre zone; replaces the old ones."""

    intervals: list[IntervalIn] = Field(max_length=100)


class PinnedStatusIn(_Input):
    result_status_id: uuid.UUID
    operator_id: uuid.UUID


class QueueTabIn(_Input):
    """F-25. Lists, when given, replace the old ones."""

    group_ids: list[uuid.UUID] | None = Field(default=None, max_length=200)
    queue_timeout_s: int | None = None
    operator_timeout_s: int | None = None
    strategy: QueueStrategy | None = None
    auto_answer: bool | None = None
    music_on_hold: bool | None = None
    supervisor_ids: list[uuid.UUID] | None = Field(default=None, max_length=100)
    result_status_ids: list[uuid.UUID] | None = Field(default=None, max_length=500)
    pinned_statuses: list[PinnedStatusIn] | None = Field(default=None, max_length=500)


class RetryRuleIn(_Input):
    intervals: str = Field(max_length=500, description='Minutes separated by ";", e.g. "15;60;1440;60".')
    attempts: int


class AttemptsTabIn(_Input):
    """F-26. `global_timeout_s: null` switches the global call timeout off."""

    dial_timeout_s: int | None = None
    global_timeout_s: int | None = None
    max_concurrent_calls: int | None = None
    dial_mode: DialMode | None = None
    predictive_percent: int | None = None
    max_attempts: int | None = None
    retries: dict[RetryOutcome, RetryRuleIn] | None = None


class ScriptTabIn(_Input):
    """F-27: HTML from the editor; scripts and event attributes are removed, `{placeholders}` kept."""

    script_html: str = Field(max_length=200_000)


class Bitrix24In(_Input):
    """F-28. `password` is write-only: omit it to keep the stored one, send "" to clear it."""

    is_enabled: bool | None = None
    lead_status_ids: list[uuid.UUID] | None = Field(default=None, max_length=500)
    host: str | None = Field(default=None, max_length=255)
    name: str | None = Field(default=None, max_length=200)
    login: str | None = Field(default=None, max_length=200)
    password: str | None = Field(default=None, max_length=500)
    source_id: str | None = Field(default=None, max_length=100)
    assigned_by_id: str | None = Field(default=None, max_length=100)


class MessageTemplateIn(_Input):
    name: str = Field(max_length=200)
    subject: str | None = Field(default=None, max_length=500)
    body: str = Field(max_length=10_000)


class IntegrationTabIn(_Input):
    """F-28: Bitrix24 and the SMS / e-mail templates (template lists replace the old ones)."""

    bitrix24: Bitrix24In | None = None
    sms_templates: list[MessageTemplateIn] | None = Field(default=None, max_length=100)
    email_templates: list[MessageTemplateIn] | None = Field(default=None, max_length=100)


class ProjectPatch(_Input):
    """Any subset of the tabs; within a tab, omitted fields keep their values."""

    project: ProjectTabIn | None = None
    card_template: CardTemplateIn | None = None
    schedule: ScheduleIn | None = None
    queue: QueueTabIn | None = None
    attempts: AttemptsTabIn | None = None
    script: ScriptTabIn | None = None
    integration: IntegrationTabIn | None = None
