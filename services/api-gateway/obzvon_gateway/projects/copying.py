"""POST /api/projects/{id}/copy: an independent deep copy of a project with all its settings."""

import sqlalchemy as sa
from obzvon_db.models import Project
from sqlalchemy.ext.asyncio import AsyncSession

from obzvon_gateway.projects import repository
from obzvon_gateway.projects.integration import copy_integrations

#: Columns a copy does not take over: identity, life cycle and the dialer's ownership.
NOT_COPIED = {
    "id",
    "created_at",
    "updated_at",
    "deleted_at",
    "is_running",
    "dialer_instance",
    "dialer_lease_until",
    "created_by",
    "name",
}
COPY_SUFFIX = " (копия)"


def _columns(model: type) -> list[str]:
    mapper: sa.orm.Mapper[object] = sa.inspect(model)
    return [column.key for column in mapper.column_attrs]


async def copy_project(db: AsyncSession, source: Project, *, created_by: object) -> Project:
    values = {key: getattr(source, key) for key in _columns(Project) if key not in NOT_COPIED}
    copy = Project(**values, name=f"{source.name}{COPY_SUFFIX}", is_running=False, created_by=created_by)
    db.add(copy)
    await db.flush()
    for model in repository.CHILD_MODELS:
        keys = [k for k in _columns(model) if k not in {"id", "project_id", "created_at", "updated_at"}]
        for row in await repository.children(db, model, source.id):
            fields = {k: getattr(row, k) for k in keys}
            for key, value in fields.items():
                if isinstance(value, list | dict):
                    fields[key] = type(value)(value)
            db.add(model(project_id=copy.id, **fields))
    await copy_integrations(db, source, copy)
    await db.flush()
    return copy
