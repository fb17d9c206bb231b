"""Project reads in the caller's scope: admins all, supervisors their own, operators those they work in."""

import uuid

from obzvon_db.models import Project
from obzvon_platform.problem import not_found
from sqlalchemy.ext.asyncio import AsyncSession

from obzvon_gateway.auth.principal import Principal
from obzvon_gateway.projects import repository


async def list_projects(db: AsyncSession, principal: Principal) -> list[Project]:
    return await repository.list_projects(db, await principal.project_ids(db))


async def get_project(db: AsyncSession, principal: Principal, project_id: uuid.UUID) -> Project:
    if not await principal.can_see_project(db, project_id):
        raise not_found("project")
    project = await repository.get(db, project_id)
    if project is None:
        raise not_found("project")
    return project
