"""Result statuses (F-12): everyone reads them, only admins create, rename, recolour or (de)activate.

Statuses are never deleted: a deactivated status stays on old cards and calls.
"""

import re
import uuid

from obzvon_db.models import ResultStatus
from obzvon_platform.problem import Problem, not_found
from sqlalchemy.ext.asyncio import AsyncSession

from obzvon_gateway.audit import record_audit
from obzvon_gateway.auth.principal import Principal
from obzvon_gateway.auth.problems import forbidden
from obzvon_gateway.projects.errors import FieldErrors
from obzvon_gateway.result_statuses import repository
from obzvon_gateway.result_statuses.schemas import ResultStatusCreate, ResultStatusUpdate

COLOUR_RE = re.compile(r"^#[0-9A-Fa-f]{6}$")


def _require_admin(principal: Principal) -> None:
    if not principal.is_admin:
        raise forbidden("Статусы настраивает только администратор", "Only an admin manages statuses")


async def _check(
    db: AsyncSession, name: str | None, colour: str | None, other_than: uuid.UUID | None
) -> str | None:
    errors = FieldErrors()
    cleaned = name.strip() if name is not None else None
    if cleaned is not None and not cleaned:
        errors.add("name", "name_required", "Укажите название статуса", "name: the name is required")
    if colour is not None and not COLOUR_RE.match(colour):
        errors.add("colour", "invalid_colour", "Цвет: формат #RRGGBB", "colour: expected #RRGGBB")
    errors.raise_if_any()
    if cleaned and await repository.name_taken(db, cleaned, other_than=other_than):
        raise Problem(
            409, "status_name_taken", "Статус с таким названием уже есть", "The status name is taken"
        )
    return cleaned


async def list_statuses(db: AsyncSession, principal: Principal, *, active_only: bool) -> list[ResultStatus]:
    """Operators see only active statuses (those they may set)."""
    return await repository.list_all(db, active_only=active_only or principal.is_operator)


async def create(
    db: AsyncSession, principal: Principal, body: ResultStatusCreate, *, ip: str
) -> ResultStatus:
    _require_admin(principal)
    name = await _check(db, body.name, body.colour, None)
    status = ResultStatus(name=name, colour=body.colour.lower(), is_active=body.is_active)
    db.add(status)
    await db.flush()
    await record_audit(
        db,
        "result_status.created",
        actor_id=principal.user_id,
        ip=ip,
        object_type="result_status",
        object_id=status.id,
        after={"name": status.name, "colour": status.colour, "is_active": status.is_active},
    )
    return status


async def update(
    db: AsyncSession, principal: Principal, status_id: uuid.UUID, body: ResultStatusUpdate, *, ip: str
) -> ResultStatus:
    _require_admin(principal)
    status = await repository.get(db, status_id)
    if status is None:
        raise not_found("status")
    changes = {k: v for k, v in body.model_dump(exclude_unset=True).items() if v is not None}
    name = await _check(db, changes.get("name"), changes.get("colour"), status.id)
    if name is not None:
        changes["name"] = name
    if "colour" in changes:
        changes["colour"] = changes["colour"].lower()
    before = {k: getattr(status, k) for k in changes}
    for key, value in changes.items():
        setattr(status, key, value)
    if changes:
        await record_audit(
            db,
            "result_status.updated",
            actor_id=principal.user_id,
            ip=ip,
            object_type="result_status",
            object_id=status.id,
            before=before,
            after=changes,
        )
    await db.flush()
    return status
