"""Project rules (F-20..F-28) with the caller's scope: admins all projects; supervisors those in
`project_supervisors`; operators read the projects of their groups and never write. Out of scope → 404.

Running: a project starts only when it is active, not past its end date and has an active outbound
trunk; deactivating a running project stops it.
"""

import datetime as dt
import uuid
from typing import Any

from obzvon_db.models import Project
from obzvon_platform.problem import Problem, not_found
from sqlalchemy.ext.asyncio import AsyncSession

from obzvon_gateway.audit import record_audit
from obzvon_gateway.auth.principal import Principal
from obzvon_gateway.auth.problems import forbidden
from obzvon_gateway.projects import detail, repository, tabs, validation
from obzvon_gateway.projects.copying import copy_project
from obzvon_gateway.projects.errors import FieldErrors
from obzvon_gateway.projects.integration import apply_integration
from obzvon_gateway.projects.schemas import ProjectCreate, ProjectPatch
from obzvon_gateway.projects.views import ProjectDetail, ProjectSummary


async def list_projects(
    db: AsyncSession, principal: Principal, filters: repository.ListFilter | None = None
) -> list[ProjectSummary]:
    projects = await repository.list_projects(db, await principal.project_ids(db), filters)
    return await detail.summaries(db, projects)


async def _visible(
    db: AsyncSession, principal: Principal, project_id: uuid.UUID, *, lock: bool = False
) -> Project:
    if not await principal.can_see_project(db, project_id):
        raise not_found("project")
    project = await repository.get(db, project_id, for_update=lock)
    if project is None:
        raise not_found("project")
    return project


async def editable(db: AsyncSession, principal: Principal, project_id: uuid.UUID) -> Project:
    """A project the caller may change (locked); operators get 403 on their own projects."""
    project = await _visible(db, principal, project_id, lock=True)
    if principal.is_operator:
        raise forbidden()
    return project


async def get_project(db: AsyncSession, principal: Principal, project_id: uuid.UUID) -> ProjectDetail:
    project = await _visible(db, principal, project_id)
    return await detail.detail(db, project, with_integration=not principal.is_operator)


async def create_project(
    db: AsyncSession, principal: Principal, body: ProjectCreate, *, ip: str
) -> ProjectDetail:
    """F-21 (admins): name, queue timeout, operator timeout and strategy."""
    if not principal.is_admin:
        raise forbidden("Создавать проекты может только администратор", "Only an admin can create projects")
    errors = FieldErrors()
    name = validation.check_name(errors, "name", body.name)
    validation.check_range(errors, "queue_timeout_s", body.queue_timeout_s)
    validation.check_range(errors, "operator_timeout_s", body.operator_timeout_s)
    errors.raise_if_any()
    project = Project(
        name=name,
        queue_timeout_s=body.queue_timeout_s,
        operator_timeout_s=body.operator_timeout_s,
        strategy=body.strategy,
        created_by=principal.user_id,
    )
    db.add(project)
    await db.flush()
    await db.refresh(project)
    after = detail.project_tab(project).model_dump(mode="json")
    await _audit(db, principal, ip, "project.created", project.id, None, after)
    return await detail.detail(db, project)


async def _check_can_run(db: AsyncSession, project: Project) -> None:
    if not project.is_active:
        raise Problem(
            409, "project_inactive", "Проект неактивен: сначала активируйте его", "The project is inactive"
        )
    if project.ends_on is not None and project.ends_on < dt.datetime.now(dt.UTC).date():
        raise Problem(
            409, "project_ended", "Дата окончания проекта прошла", "The project's end date has passed"
        )
    trunk = await repository.get_trunk(db, project.trunk_id) if project.trunk_id else None
    if trunk is None or not trunk.is_active:
        raise Problem(
            409,
            "no_trunk",
            "Не выбран активный провайдер (транк) исходящей связи",
            "No active outbound trunk is set",
        )


async def update_project(
    db: AsyncSession, principal: Principal, project_id: uuid.UUID, body: ProjectPatch, *, ip: str
) -> ProjectDetail:
    """Apply any subset of the tabs; nothing is saved unless every field is valid."""
    project = await editable(db, principal, project_id)
    if body.queue is not None and body.queue.supervisor_ids is not None and not principal.is_admin:
        raise forbidden(
            "Назначать супервайзеров может только администратор", "Only an admin assigns supervisors"
        )
    before = (await detail.detail(db, project)).model_dump(mode="json")
    errors = FieldErrors()
    if body.project is not None:
        await tabs.apply_project_tab(db, project, body.project, errors)
    if body.card_template is not None:
        await tabs.apply_card_template(db, project, body.card_template, errors)
    if body.schedule is not None:
        await tabs.apply_schedule(db, project, body.schedule, errors)
    if body.queue is not None:
        await tabs.apply_queue(db, project, body.queue, errors)
    if body.attempts is not None:
        await tabs.apply_attempts(db, project, body.attempts, errors)
    if body.script is not None:
        tabs.apply_script(project, body.script)
    if body.integration is not None:
        await apply_integration(db, project, body.integration, errors)
    if errors:
        await db.rollback()
        raise errors.problem()
    running = body.project.is_running if body.project is not None else None
    if running is True and not project.is_running:
        await _check_can_run(db, project)
    if running is not None:
        project.is_running = running
    await db.flush()
    await db.refresh(project)
    after_view = await detail.detail(db, project)
    changed = body.model_dump(exclude_unset=True).keys()
    after = after_view.model_dump(mode="json")
    await _audit(
        db,
        principal,
        ip,
        "project.settings_changed",
        project.id,
        {tab: before[tab] for tab in changed},
        {tab: after[tab] for tab in changed},
    )
    return after_view


async def copy(db: AsyncSession, principal: Principal, project_id: uuid.UUID, *, ip: str) -> ProjectDetail:
    source = await editable(db, principal, project_id)
    project = await copy_project(db, source, created_by=principal.user_id)
    await db.refresh(project)
    await _audit(
        db, principal, ip, "project.copied", project.id, {"source_id": str(source.id)}, {"name": project.name}
    )
    return await detail.detail(db, project)


async def delete(db: AsyncSession, principal: Principal, project_id: uuid.UUID, *, ip: str) -> None:
    """Soft delete: the project stops and disappears from lists; its history stays."""
    project = await editable(db, principal, project_id)
    project.deleted_at = dt.datetime.now(dt.UTC)
    project.is_running = False
    await _audit(db, principal, ip, "project.deleted", project.id, {"name": project.name}, None)


async def set_flag(
    db: AsyncSession, principal: Principal, project_id: uuid.UUID, flag: str, value: bool, *, ip: str
) -> ProjectDetail:
    """activate / deactivate (`is_active`) and start / stop (`is_running`)."""
    project = await editable(db, principal, project_id)
    before = {"is_active": project.is_active, "is_running": project.is_running}
    if flag == "is_running" and value and not project.is_running:
        await _check_can_run(db, project)
    setattr(project, flag, value)
    if flag == "is_active" and not value:
        project.is_running = False
    after = {"is_active": project.is_active, "is_running": project.is_running}
    if after != before:
        await _audit(db, principal, ip, "project.state_changed", project.id, before, after)
    await db.flush()
    await db.refresh(project)
    return await detail.detail(db, project)


async def _audit(
    db: AsyncSession,
    principal: Principal,
    ip: str,
    action: str,
    project_id: uuid.UUID,
    before: dict[str, Any] | None,
    after: dict[str, Any] | None,
) -> None:
    await record_audit(
        db,
        action,
        actor_id=principal.user_id,
        ip=ip,
        object_type="project",
        object_id=project_id,
        before=before,
        after=after,
    )
