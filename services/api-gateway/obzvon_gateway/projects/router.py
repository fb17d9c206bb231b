"""HTTP: projects in the caller's scope (F-02)."""

import uuid

from fastapi import APIRouter

from obzvon_gateway.auth.dependencies import CurrentPrincipal
from obzvon_gateway.deps import Db
from obzvon_gateway.openapi import problems
from obzvon_gateway.projects import service
from obzvon_gateway.projects.schemas import ProjectSummary

router = APIRouter(prefix="/api/projects", tags=["projects"])


@router.get("", response_model=list[ProjectSummary], responses=problems(401))
async def list_projects(principal: CurrentPrincipal, db: Db) -> list[ProjectSummary]:
    return [ProjectSummary.model_validate(p) for p in await service.list_projects(db, principal)]


@router.get("/{project_id}", response_model=ProjectSummary, responses=problems(401, 404))
async def get_project(project_id: uuid.UUID, principal: CurrentPrincipal, db: Db) -> ProjectSummary:
    return ProjectSummary.model_validate(await service.get_project(db, principal, project_id))
