"""Applies the settings tabs of a PATCH (F-22..F-27) after checking every rule.

One 422 names all bad fields."""

import datetime as dt
import uuid

import nh3
from obzvon_db.enums import DialMode, UserRole
from obzvon_db.models import (
    CardField,
    Group,
    Project,
    ProjectGroup,
    ProjectPinnedStatus,
    ProjectResultStatus,
    ProjectRetryRule,
    ProjectSupervisor,
    ProjectWeekdayInterval,
)
from sqlalchemy.ext.asyncio import AsyncSession

from obzvon_gateway.projects import repository, validation
from obzvon_gateway.projects.detail import FIXED_KEYS
from obzvon_gateway.projects.errors import FieldErrors
from obzvon_gateway.projects.schemas import (
    AttemptsTabIn,
    CardTemplateIn,
    ProjectTabIn,
    QueueTabIn,
    ScheduleIn,
    ScriptTabIn,
)


async def apply_project_tab(
    db: AsyncSession, project: Project, tab: ProjectTabIn, errors: FieldErrors
) -> None:
    """F-22. `is_running` is applied by the service (the run rules live there)."""
    changes = tab.model_dump(exclude_unset=True, exclude={"is_running"})
    if "name" in changes:
        changes["name"] = validation.check_name(errors, "project.name", tab.name)
    if changes.get("timezone") is not None:
        validation.check_timezone(errors, "project.timezone", changes["timezone"])
    for key, ru in (
        ("client_window_start", "Время звонка клиенту (с)"),
        ("client_window_end", "Время звонка клиенту (до)"),
    ):
        if changes.get(key) is not None:
            changes[key] = validation.parse_time(errors, f"project.{key}", ru, changes[key])
    if changes.get("caller_id"):
        validation.check_caller_id(errors, "project.caller_id", changes["caller_id"])
    elif "caller_id" in changes:
        changes["caller_id"] = None
    if changes.get("trunk_id") is not None:
        trunk = await repository.get_trunk(db, changes["trunk_id"])
        if trunk is None or not trunk.is_active:
            errors.add(
                "project.trunk_id",
                "invalid_trunk",
                "Провайдер: транк не найден или отключён",
                "project.trunk_id: no such active trunk",
            )
    for key in ("name", "timezone", "show_numbers", "amd_enabled", "robot_enabled", "call_from_end"):
        if key in changes and changes[key] is None:
            errors.add(
                f"project.{key}",
                "required",
                f"Поле «{key}» не может быть пустым",
                f"project.{key} cannot be null",
            )
    starts = changes.get("starts_on", project.starts_on)
    ends = changes.get("ends_on", project.ends_on)
    if starts is not None and ends is not None and ends < starts:
        errors.add(
            "project.ends_on",
            "dates_order",
            "Дата конца раньше даты начала",
            "project.ends_on is before starts_on",
        )
    window_start = changes.get("client_window_start", project.client_window_start)
    window_end = changes.get("client_window_end", project.client_window_end)
    if isinstance(window_start, dt.time) and isinstance(window_end, dt.time) and window_start >= window_end:
        errors.add(
            "project.client_window_end",
            "window_order",
            "Время звонка клиенту: начало должно быть раньше конца",
            "project.client_window_end must be after client_window_start",
        )
    if not errors:
        for key, value in changes.items():
            setattr(project, key, value)


async def apply_card_template(
    db: AsyncSession, project: Project, tab: CardTemplateIn, errors: FieldErrors
) -> None:
    validation.check_card_keys(errors, [f.key for f in tab.custom_fields], FIXED_KEYS)
    for index, field in enumerate(tab.custom_fields):
        if not field.label.strip():
            errors.add(
                f"card_template.custom_fields.{index}.label",
                "label_required",
                "Укажите название поля",
                f"card_template.custom_fields.{index}.label: the label is required",
            )
    if errors:
        return
    await repository.delete_children(db, CardField, project.id)
    db.add_all(
        CardField(
            project_id=project.id,
            key=f.key,
            label=f.label.strip(),
            field_type=f.field_type,
            is_required=f.is_required,
            position=f.position,
            is_custom=True,
        )
        for f in tab.custom_fields
    )


async def apply_schedule(db: AsyncSession, project: Project, tab: ScheduleIn, errors: FieldErrors) -> None:
    parsed = [
        (
            i.weekday,
            validation.parse_time(errors, f"schedule.intervals.{n}.start", "Начало интервала", i.start),
            validation.parse_time(errors, f"schedule.intervals.{n}.end", "Конец интервала", i.end),
        )
        for n, i in enumerate(tab.intervals)
    ]
    validation.check_schedule(errors, parsed)
    if errors:
        return
    await repository.delete_children(db, ProjectWeekdayInterval, project.id)
    db.add_all(
        ProjectWeekdayInterval(project_id=project.id, weekday=day, start_time=start, end_time=end)
        for day, start, end in parsed
    )


async def _check_queue_refs(db: AsyncSession, project: Project, tab: QueueTabIn, errors: FieldErrors) -> None:
    if tab.group_ids is not None and await repository.existing_ids(db, Group, tab.group_ids) != set(
        tab.group_ids
    ):
        errors.add(
            "queue.group_ids",
            "unknown_group",
            "Группа пользователей не найдена",
            "queue.group_ids: unknown group",
        )
    if tab.supervisor_ids is not None:
        found = await repository.user_ids_with_role(db, tab.supervisor_ids, UserRole.SUPERVISOR)
        if found != set(tab.supervisor_ids):
            errors.add(
                "queue.supervisor_ids",
                "not_a_supervisor",
                "Супервайзер: пользователь не найден или не является супервайзером",
                "queue.supervisor_ids: every user must be an active supervisor",
            )
    wanted = tab.result_status_ids
    if wanted is not None and await repository.active_status_ids(db, wanted) != set(wanted):
        errors.add(
            "queue.result_status_ids",
            "unknown_status",
            "Статусы операторов: статус не найден или не активен",
            "queue.result_status_ids: unknown or inactive status",
        )
    if tab.pinned_statuses:
        groups = (
            tab.group_ids
            if tab.group_ids is not None
            else [
                g.group_id
                for g in await repository.children(db, ProjectGroup, project.id)
                if isinstance(g, ProjectGroup)
            ]
        )
        members = await repository.members_of_groups(db, groups)
        operators = await repository.user_ids_with_role(db, members, UserRole.OPERATOR)
        statuses = await repository.active_status_ids(db, [p.result_status_id for p in tab.pinned_statuses])
        seen: set[uuid.UUID] = set()
        for index, pin in enumerate(tab.pinned_statuses):
            loc = f"queue.pinned_statuses.{index}"
            if pin.operator_id not in operators:
                errors.add(
                    f"{loc}.operator_id",
                    "operator_not_in_project",
                    "Задача на оператора: оператор не состоит в группах проекта",
                    f"{loc}.operator_id: the operator is not in the project's groups",
                )
            if pin.result_status_id not in statuses or pin.result_status_id in seen:
                errors.add(
                    f"{loc}.result_status_id",
                    "invalid_pinned_status",
                    "Задача на оператора: статус не найден, не активен или уже закреплён",
                    f"{loc}.result_status_id: unknown, inactive or repeated status",
                )
            seen.add(pin.result_status_id)


async def apply_queue(db: AsyncSession, project: Project, tab: QueueTabIn, errors: FieldErrors) -> None:
    validation.check_range(errors, "queue.queue_timeout_s", tab.queue_timeout_s)
    validation.check_range(errors, "queue.operator_timeout_s", tab.operator_timeout_s)
    set_fields = tab.model_fields_set
    for key in ("queue_timeout_s", "operator_timeout_s", "strategy", "auto_answer", "music_on_hold"):
        if key in set_fields and getattr(tab, key) is None:
            errors.add(
                f"queue.{key}",
                "required",
                f"Поле «{key}» не может быть пустым",
                f"queue.{key} cannot be null",
            )
    await _check_queue_refs(db, project, tab, errors)
    if errors:
        return
    for key in ("queue_timeout_s", "operator_timeout_s", "strategy", "auto_answer", "music_on_hold"):
        if key in set_fields:
            setattr(project, key, getattr(tab, key))
    links: list[tuple[type, str, list[uuid.UUID] | None]] = [
        (ProjectGroup, "group_id", tab.group_ids),
        (ProjectSupervisor, "user_id", tab.supervisor_ids),
        (ProjectResultStatus, "result_status_id", tab.result_status_ids),
    ]
    for model, column, ids in links:
        if ids is not None:
            await repository.delete_children(db, model, project.id)
            db.add_all(model(project_id=project.id, **{column: i}) for i in dict.fromkeys(ids))
    if tab.pinned_statuses is not None:
        await repository.delete_children(db, ProjectPinnedStatus, project.id)
        db.add_all(
            ProjectPinnedStatus(
                project_id=project.id, result_status_id=p.result_status_id, operator_id=p.operator_id
            )
            for p in tab.pinned_statuses
        )


async def apply_attempts(db: AsyncSession, project: Project, tab: AttemptsTabIn, errors: FieldErrors) -> None:
    set_fields = tab.model_fields_set
    for key in (
        "dial_timeout_s",
        "global_timeout_s",
        "max_concurrent_calls",
        "predictive_percent",
        "max_attempts",
    ):
        validation.check_range(errors, f"attempts.{key}", getattr(tab, key))
        if key in set_fields and key != "global_timeout_s" and getattr(tab, key) is None:
            errors.add(
                f"attempts.{key}",
                "required",
                f"Поле «{key}» не может быть пустым",
                f"attempts.{key} cannot be null",
            )
    if "dial_mode" in set_fields and tab.dial_mode is None:
        errors.add(
            "attempts.dial_mode", "required", "Укажите тип автонабора", "attempts.dial_mode cannot be null"
        )
    parsed: dict[str, tuple[list[int], int]] = {}
    for outcome, rule in (tab.retries or {}).items():
        loc = f"attempts.retries.{outcome.value}"
        minutes = validation.parse_intervals(errors, f"{loc}.intervals", outcome, rule.intervals)
        validation.check_range(errors, f"{loc}.attempts", rule.attempts, "attempts")
        parsed[outcome.value] = (minutes, rule.attempts)
    if errors:
        return
    for key in (
        "dial_timeout_s",
        "global_timeout_s",
        "max_concurrent_calls",
        "dial_mode",
        "predictive_percent",
        "max_attempts",
    ):
        if key in set_fields:
            setattr(project, key, getattr(tab, key))
    if project.dial_mode is None:
        project.dial_mode = DialMode.UNLIMITED
    for outcome_value, (minutes, attempts) in parsed.items():
        await repository.delete_children(db, ProjectRetryRule, project.id, outcome=outcome_value)
        db.add(
            ProjectRetryRule(
                project_id=project.id, outcome=outcome_value, intervals_minutes=minutes, max_attempts=attempts
            )
        )


#: Tags the script editor produces; everything else (script, style, iframe, on* attributes) is removed.
SCRIPT_TAGS = nh3.ALLOWED_TAGS


def sanitize_script(html: str) -> str:
    """F-27: sanitised HTML; `{placeholders}` are plain text and stay as they are."""
    return nh3.clean(html, tags=SCRIPT_TAGS, link_rel="noopener noreferrer")


def apply_script(project: Project, tab: ScriptTabIn) -> None:
    project.script_html = sanitize_script(tab.script_html)
