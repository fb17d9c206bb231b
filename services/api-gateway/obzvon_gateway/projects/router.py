"""HTTP: projects (F-20..F-28) in the caller's scope."""

import datetime as dt
import uuid

from fastapi import APIRouter, Response

from obzvon_gateway.auth.dependencies import CurrentPrincipal
from obzvon_gateway.deps import ClientIp, Db
from obzvon_gateway.openapi import problems
from obzvon_gateway.projects import service
from obzvon_gateway.projects.repository import ListFilter
from obzvon_gateway.projects.schemas import ProjectCreate, ProjectPatch
from obzvon_gateway.projects.views import ProjectDetail, ProjectSummary

router = APIRouter(prefix="/api/projects", tags=["projects"])


@router.get("", response_model=list[ProjectSummary], responses=problems(401))
async def list_projects(
    principal: CurrentPrincipal,
    db: Db,
    created_from: dt.date | None = None,
    created_to: dt.date | None = None,
    name: str | None = None,
    group_id: uuid.UUID | None = None,
) -> list[ProjectSummary]:
    """F-20: projects in scope, filtered by creation dates, a part of the name and a group."""
    filters = ListFilter(created_from=created_from, created_to=created_to, name=name, group_id=group_id)
    return await service.list_projects(db, principal, filters)


@router.post("", response_model=ProjectDetail, status_code=201, responses=problems(401, 403))
async def create_project(
    body: ProjectCreate, principal: CurrentPrincipal, db: Db, ip: ClientIp
) -> ProjectDetail:
    """F-21: admins create a project from a name, timeouts and strategy."""
    created = await service.create_project(db, principal, body, ip=ip)
    await db.commit()
    return created


@router.get("/{project_id}", response_model=ProjectDetail, responses=problems(401, 404))
async def get_project(project_id: uuid.UUID, principal: CurrentPrincipal, db: Db) -> ProjectDetail:
    """One project with every setting, grouped by tab; secrets are never returned."""
    return await service.get_project(db, principal, project_id)


@router.patch("/{project_id}", response_model=ProjectDetail, responses=problems(401, 403, 404, 409))
async def update_project(
    project_id: uuid.UUID, body: ProjectPatch, principal: CurrentPrincipal, db: Db, ip: ClientIp
) -> ProjectDetail:
    """Change one tab or several; all-or-nothing, 422 names every invalid field."""
    updated = await service.update_project(db, principal, project_id, body, ip=ip)
    await db.commit()
    return updated


@router.post(
    "/{project_id}/copy", response_model=ProjectDetail, status_code=201, responses=problems(401, 403, 404)
)
async def copy_project(
    project_id: uuid.UUID, principal: CurrentPrincipal, db: Db, ip: ClientIp
) -> ProjectDetail:
    """An independent copy named «<name> (копия)», not running."""
    copied = await service.copy(db, principal, project_id, ip=ip)
    await db.commit()
    return copied


@router.delete("/{project_id}", status_code=204, responses=problems(401, 403, 404))
async def delete_project(
    project_id: uuid.UUID, principal: CurrentPrincipal, db: Db, ip: ClientIp
) -> Response:
    await service.delete(db, principal, project_id, ip=ip)
    await db.commit()
    return Response(status_code=204)


async def _flag(
    project_id: uuid.UUID, principal: CurrentPrincipal, db: Db, ip: str, flag: str, value: bool
) -> ProjectDetail:
    result = await service.set_flag(db, principal, project_id, flag, value, ip=ip)
    await db.commit()
    return result


@router.post("/{project_id}/activate", response_model=ProjectDetail, responses=problems(401, 403, 404))
async def activate_project(
    project_id: uuid.UUID, principal: CurrentPrincipal, db: Db, ip: ClientIp
) -> ProjectDetail:
    return await _flag(project_id, principal, db, ip, "is_active", True)


@router.post("/{project_id}/deactivate", response_model=ProjectDetail, responses=problems(401, 403, 404))
async def deactivate_project(
    project_id: uuid.UUID, principal: CurrentPrincipal, db: Db, ip: ClientIp
) -> ProjectDetail:
    """Deactivating also stops a running project."""
    return await _flag(project_id, principal, db, ip, "is_active", False)


@router.post("/{project_id}/start", response_model=ProjectDetail, responses=problems(401, 403, 404, 409))
async def start_project(
    project_id: uuid.UUID, principal: CurrentPrincipal, db: Db, ip: ClientIp
) -> ProjectDetail:
    """409 when the project is inactive, past its end date or has no active outbound trunk."""
    return await _flag(project_id, principal, db, ip, "is_running", True)


@router.post("/{project_id}/stop", response_model=ProjectDetail, responses=problems(401, 403, 404))
async def stop_project(
    project_id: uuid.UUID, principal: CurrentPrincipal, db: Db, ip: ClientIp
) -> ProjectDetail:
    return await _flag(project_id, principal, db, ip, "is_running", False)
