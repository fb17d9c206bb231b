"""Builds the read views of projects from the database rows."""

import datetime as dt

from obzvon_db.enums import CardFieldType, IntegrationKind, MessageChannel, RetryOutcome
from obzvon_db.models import (
    CardField,
    MessageTemplate,
    Project,
    ProjectPinnedStatus,
    ProjectResultStatus,
    ProjectRetryRule,
    ProjectWeekdayInterval,
)
from sqlalchemy.ext.asyncio import AsyncSession

from obzvon_gateway.projects import repository
from obzvon_gateway.projects.views import (
    AttemptsTabOut,
    Bitrix24Out,
    CardFieldOut,
    CardTemplateOut,
    IntegrationTabOut,
    IntervalOut,
    MessageTemplateOut,
    PinnedStatusOut,
    ProjectDetail,
    ProjectSummary,
    ProjectTabOut,
    QueueTabOut,
    Ref,
    RetryRuleOut,
    ScheduleOut,
    ScriptTabOut,
)

#: F-23: fields every client card has (contact columns), before the custom ones.
FIXED_FIELDS = [
    CardFieldOut(key=key, label=label, field_type=kind, is_required=False, position=i, is_custom=False)
    for i, (key, label, kind) in enumerate(
        [
            ("full_name", "ФИО", CardFieldType.TEXT),
            ("phone", "Тел.", CardFieldType.PHONE),
            ("tags", "Тэги", CardFieldType.TEXT),
            ("email", "E-mail", CardFieldType.EMAIL),
            ("birth_date", "Дата рождения", CardFieldType.DATE),
            ("region", "Регион", CardFieldType.TEXT),
            ("robot_status", "Статус робота", CardFieldType.TEXT),
            ("result_status", "Статус", CardFieldType.SELECT),
        ]
    )
]
FIXED_KEYS = {field.key for field in FIXED_FIELDS}


def hhmm(value: dt.time) -> str:
    return value.strftime("%H:%M")


async def summaries(db: AsyncSession, projects: list[Project]) -> list[ProjectSummary]:
    ids = [p.id for p in projects]
    groups = await repository.groups_of(db, ids) if ids else {}
    supervisors = await repository.supervisors_of(db, ids) if ids else {}
    return [
        ProjectSummary(
            id=p.id,
            name=p.name,
            is_active=p.is_active,
            is_running=p.is_running,
            created_at=p.created_at,
            groups=[Ref(id=g.id, name=g.name) for g in groups.get(p.id, [])],
            supervisors=[Ref(id=u.id, name=u.full_name) for u in supervisors.get(p.id, [])],
        )
        for p in projects
    ]


def project_tab(p: Project) -> ProjectTabOut:
    return ProjectTabOut(
        name=p.name,
        show_numbers=p.show_numbers,
        amd_enabled=p.amd_enabled,
        robot_enabled=p.robot_enabled,
        starts_on=p.starts_on,
        ends_on=p.ends_on,
        timezone=p.timezone,
        client_window_start=hhmm(p.client_window_start),
        client_window_end=hhmm(p.client_window_end),
        caller_id=p.caller_id,
        trunk_id=p.trunk_id,
        is_active=p.is_active,
        is_running=p.is_running,
        call_from_end=p.call_from_end,
    )


async def integration_tab(db: AsyncSession, p: Project) -> IntegrationTabOut:
    row = await repository.integration(db, p.id, IntegrationKind.BITRIX24)
    settings = row.settings if row is not None else {}
    templates = [
        t for t in await repository.children(db, MessageTemplate, p.id) if isinstance(t, MessageTemplate)
    ]
    templates.sort(key=lambda t: (t.created_at, t.name))

    def of(channel: MessageChannel) -> list[MessageTemplateOut]:
        return [
            MessageTemplateOut(name=t.name, subject=t.subject, body=t.body)
            for t in templates
            if t.channel == channel
        ]

    return IntegrationTabOut(
        bitrix24=Bitrix24Out(
            is_enabled=row.is_enabled if row is not None else False,
            lead_status_ids=settings.get("lead_status_ids", []),
            host=settings.get("host"),
            name=settings.get("name"),
            login=settings.get("login"),
            has_password=row is not None and row.secret_ciphertext is not None,
            source_id=settings.get("source_id"),
            assigned_by_id=settings.get("assigned_by_id"),
        ),
        sms_templates=of(MessageChannel.SMS),
        email_templates=of(MessageChannel.EMAIL),
    )


async def detail(db: AsyncSession, p: Project, *, with_integration: bool = True) -> ProjectDetail:
    (summary,) = await summaries(db, [p])
    fields = sorted(
        (f for f in await repository.children(db, CardField, p.id) if isinstance(f, CardField)),
        key=lambda f: (f.position, f.key),
    )
    intervals = sorted(
        (
            i
            for i in await repository.children(db, ProjectWeekdayInterval, p.id)
            if isinstance(i, ProjectWeekdayInterval)
        ),
        key=lambda i: (i.weekday, i.start_time),
    )
    rules = [
        r for r in await repository.children(db, ProjectRetryRule, p.id) if isinstance(r, ProjectRetryRule)
    ]
    statuses = await repository.children(db, ProjectResultStatus, p.id)
    pinned = await repository.children(db, ProjectPinnedStatus, p.id)
    return ProjectDetail(
        **summary.model_dump(),
        project=project_tab(p),
        card_template=CardTemplateOut(
            fixed_fields=FIXED_FIELDS,
            custom_fields=[
                CardFieldOut(
                    key=f.key,
                    label=f.label,
                    field_type=f.field_type,
                    is_required=f.is_required,
                    position=f.position,
                    is_custom=True,
                )
                for f in fields
            ],
        ),
        schedule=ScheduleOut(
            intervals=[
                IntervalOut(weekday=i.weekday, start=hhmm(i.start_time), end=hhmm(i.end_time))
                for i in intervals
            ]
        ),
        queue=QueueTabOut(
            group_ids=[g.id for g in summary.groups],
            queue_timeout_s=p.queue_timeout_s,
            operator_timeout_s=p.operator_timeout_s,
            strategy=p.strategy,
            auto_answer=p.auto_answer,
            music_on_hold=p.music_on_hold,
            supervisor_ids=[s.id for s in summary.supervisors],
            result_status_ids=sorted(
                s.result_status_id for s in statuses if isinstance(s, ProjectResultStatus)
            ),
            pinned_statuses=[
                PinnedStatusOut(result_status_id=x.result_status_id, operator_id=x.operator_id)
                for x in pinned
                if isinstance(x, ProjectPinnedStatus)
            ],
        ),
        attempts=AttemptsTabOut(
            dial_timeout_s=p.dial_timeout_s,
            global_timeout_s=p.global_timeout_s,
            max_concurrent_calls=p.max_concurrent_calls,
            dial_mode=p.dial_mode,
            predictive_percent=p.predictive_percent,
            max_attempts=p.max_attempts,
            retries={
                RetryOutcome(r.outcome): RetryRuleOut(
                    intervals=";".join(str(m) for m in r.intervals_minutes), attempts=r.max_attempts
                )
                for r in rules
            },
        ),
        script=ScriptTabOut(script_html=p.script_html),
        integration=await integration_tab(db, p) if with_integration else None,
    )
