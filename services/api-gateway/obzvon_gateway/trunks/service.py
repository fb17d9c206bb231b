"""Trunks (F-13): only admins see and change them; supervisors may list names for project settings.

Anything outside the caller's rights is 404. A trunk still used by a project or a user cannot be
deleted (409): deactivate it instead. An unused trunk is deleted; call history keeps no link to it.
Every change queues `pbx_config_changed` so the dialer rewrites Asterisk's trunk file.
"""

import uuid
from typing import Any

from obzvon_db import secrets
from obzvon_db.models import Trunk
from obzvon_platform.problem import Problem, not_found
from sqlalchemy.ext.asyncio import AsyncSession

from obzvon_gateway.audit import record_audit
from obzvon_gateway.auth.principal import Principal
from obzvon_gateway.pbx_config import trunks_changed
from obzvon_gateway.projects.errors import field_problem
from obzvon_gateway.projects.integration import secret_key_missing
from obzvon_gateway.trunks import repository
from obzvon_gateway.trunks.schemas import TrunkCreate, TrunkUpdate
from obzvon_gateway.trunks.validation import TrunkFields, check_fields

PLAIN = (
    "name",
    "username",
    "host",
    "port",
    "context",
    "is_robot",
    "is_active",
    "max_lines",
    "inbound_project_id",
)


def _require_admin(principal: Principal) -> None:
    if not principal.is_admin:
        raise not_found("trunk")


def _encrypt(trunk_id: uuid.UUID, password: str) -> bytes:
    try:
        return secrets.encrypt(password, trunk_id)
    except secrets.SecretKeyError as exc:
        raise secret_key_missing() from exc


async def _check_refs(
    db: AsyncSession, fields: TrunkFields, project_id: uuid.UUID | None, own: uuid.UUID | None
) -> None:
    if await repository.name_taken(db, fields.name, other_than=own):
        raise Problem(409, "trunk_name_taken", "Транк с таким названием уже есть", "The trunk name is taken")
    if project_id is not None and not await repository.project_exists(db, project_id):
        raise field_problem(
            "inbound_project_id",
            "unknown_project",
            "Проект для входящих не найден",
            "inbound_project_id: no such project",
        )


def _audit_view(trunk: Trunk) -> dict[str, Any]:
    view = {key: str(getattr(trunk, key)) for key in PLAIN}
    view["has_password"] = str(trunk.secret_ciphertext is not None)
    return view


async def list_trunks(db: AsyncSession, principal: Principal) -> list[Trunk]:
    _require_admin(principal)
    return await repository.list_all(db)


async def list_names(db: AsyncSession, principal: Principal) -> list[Trunk]:
    if not (principal.is_admin or principal.is_supervisor):
        raise not_found("trunk")
    return await repository.list_all(db)


async def get_trunk(
    db: AsyncSession, principal: Principal, trunk_id: uuid.UUID, *, lock: bool = False
) -> Trunk:
    _require_admin(principal)
    trunk = await repository.get(db, trunk_id, for_update=lock)
    if trunk is None:
        raise not_found("trunk")
    return trunk


async def create(db: AsyncSession, principal: Principal, body: TrunkCreate, *, ip: str) -> Trunk:
    _require_admin(principal)
    fields = check_fields(
        TrunkFields(
            body.name,
            body.username,
            body.password or None,
            body.host,
            body.port,
            body.context,
            body.max_lines,
        )
    )
    await _check_refs(db, fields, body.inbound_project_id, None)
    trunk_id = uuid.uuid4()
    trunk = Trunk(
        id=trunk_id,
        name=fields.name,
        username=fields.username,
        host=fields.host,
        port=fields.port,
        context=fields.context,
        is_robot=body.is_robot,
        is_active=body.is_active,
        max_lines=fields.max_lines,
        inbound_project_id=body.inbound_project_id,
        secret_ciphertext=_encrypt(trunk_id, fields.password) if fields.password else None,
    )
    db.add(trunk)
    await db.flush()
    await db.refresh(trunk)
    await record_audit(
        db,
        "trunk.created",
        actor_id=principal.user_id,
        ip=ip,
        object_type="trunk",
        object_id=trunk.id,
        after=_audit_view(trunk),
    )
    await trunks_changed(db, trunk.id)
    return trunk


async def update(
    db: AsyncSession, principal: Principal, trunk_id: uuid.UUID, body: TrunkUpdate, *, ip: str
) -> Trunk:
    trunk = await get_trunk(db, principal, trunk_id, lock=True)
    changes = body.model_dump(exclude_unset=True)
    nullable = {"max_lines", "inbound_project_id", "password"}
    changes = {k: v for k, v in changes.items() if v is not None or k in nullable}
    has_password = trunk.secret_ciphertext is not None
    password = changes.get("password")
    fields = check_fields(
        TrunkFields(
            changes.get("name", trunk.name),
            changes.get("username", trunk.username),
            password or None,
            changes.get("host", trunk.host),
            changes.get("port", trunk.port),
            changes.get("context", trunk.context),
            changes.get("max_lines", trunk.max_lines),
        )
    )
    if "password" not in changes and has_password and not fields.username:
        raise field_problem(
            "username",
            "trunk_username_required",
            "Для регистрации с паролем укажите имя пользователя",
            "username: required when the trunk has a password",
        )
    project_id = changes.get("inbound_project_id", trunk.inbound_project_id)
    await _check_refs(db, fields, project_id if "inbound_project_id" in changes else None, trunk.id)
    before = _audit_view(trunk)
    trunk.name, trunk.username, trunk.host = fields.name, fields.username, fields.host
    trunk.port, trunk.context, trunk.max_lines = fields.port, fields.context, fields.max_lines
    trunk.inbound_project_id = project_id
    for key in ("is_robot", "is_active"):
        if key in changes:
            setattr(trunk, key, changes[key])
    if "password" in changes:
        trunk.secret_ciphertext = _encrypt(trunk.id, password) if password else None
    await db.flush()
    await db.refresh(trunk)
    after = _audit_view(trunk)
    if after != before or "password" in changes:
        await record_audit(
            db,
            "trunk.updated",
            actor_id=principal.user_id,
            ip=ip,
            object_type="trunk",
            object_id=trunk.id,
            before=before,
            after={**after, "password_changed": str("password" in changes)},
        )
        await trunks_changed(db, trunk.id)
    return trunk


async def delete(db: AsyncSession, principal: Principal, trunk_id: uuid.UUID, *, ip: str) -> None:
    trunk = await get_trunk(db, principal, trunk_id, lock=True)
    projects, users = await repository.usage(db, trunk.id)
    if projects or users:
        raise Problem(
            409,
            "trunk_in_use",
            f"Транк используется (проектов: {projects}, пользователей: {users}); "
            "отключите его вместо удаления",
            f"The trunk is in use ({projects} projects, {users} users); deactivate it instead",
        )
    before = _audit_view(trunk)
    await repository.delete(db, trunk)
    await record_audit(
        db,
        "trunk.deleted",
        actor_id=principal.user_id,
        ip=ip,
        object_type="trunk",
        object_id=trunk_id,
        before=before,
    )
    await trunks_changed(db, trunk_id)
