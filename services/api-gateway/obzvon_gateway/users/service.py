"""User rules: creation with the password policy, scoped reads, and edits with field-level rights."""

import re
import uuid
from dataclasses import dataclass
from typing import Any

from obzvon_db.enums import Locale, UserRole
from obzvon_db.models import User
from obzvon_events.users import UserDisabled, UserSessionsRevoked
from obzvon_platform.bus import add_to_outbox
from obzvon_platform.problem import Problem, not_found
from sqlalchemy.ext.asyncio import AsyncSession

from obzvon_gateway.audit import record_audit
from obzvon_gateway.auth.principal import Principal
from obzvon_gateway.auth.problems import forbidden
from obzvon_gateway.pbx_config import extension_changed
from obzvon_gateway.producer import PRODUCER
from obzvon_gateway.security.passwords import PasswordHasher, check_password_policy, production_hasher
from obzvon_gateway.users import repository
from obzvon_gateway.users.schemas import UserUpdate

EMAIL_RE = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
EXTENSION_RE = re.compile(r"^[0-9]{2,8}$")


def _invalid(field: str, code: str, ru: str, en: str) -> Problem:
    return Problem(422, code, ru, en, errors=[{"loc": ["body", field], "msg": en, "type": code}])


async def create_user(
    session: AsyncSession,
    email: str,
    password: str,
    full_name: str,
    role: UserRole,
    extension: str | None = None,
    *,
    phone: str | None = None,
    locale: Locale = Locale.RU,
    hasher: PasswordHasher | None = None,
) -> User:
    """Add a user (flushed, not committed) after checking the e-mail, extension and password policy."""
    email = email.strip()
    if not EMAIL_RE.match(email) or len(email) > 320:
        raise _invalid("email", "invalid_email", "Некорректный e-mail", "Invalid e-mail address")
    if not full_name.strip():
        raise _invalid("full_name", "invalid_full_name", "Укажите ФИО", "Full name is required")
    if extension is not None and not EXTENSION_RE.match(extension):
        raise _invalid(
            "extension", "invalid_extension", "Внутренний номер — от 2 до 8 цифр", "Extension: 2 to 8 digits"
        )
    check_password_policy(password)
    if await repository.email_taken(session, email):
        raise Problem(409, "email_taken", "Пользователь с таким e-mail уже есть", "The e-mail is taken")
    if extension is not None and await repository.extension_taken(session, extension):
        raise Problem(409, "extension_taken", "Внутренний номер уже занят", "The extension is taken")
    password_hash = await (hasher or production_hasher()).hash(password)
    user = User(
        email=email,
        full_name=full_name.strip(),
        role=role,
        extension=extension,
        phone=phone,
        locale=locale,
        password_hash=password_hash,
        is_active=True,
        session_version=0,
    )
    added = await repository.add(session, user)
    if extension is not None:
        await extension_changed(session, added.id)
    return added


async def list_users(db: AsyncSession, principal: Principal) -> list[User]:
    return await repository.list_users(db, await principal.user_ids(db))


async def get_user(db: AsyncSession, principal: Principal, user_id: uuid.UUID, *, lock: bool = False) -> User:
    """A user in the caller's scope; anything else is 404."""
    if not await principal.can_see_user(db, user_id):
        raise not_found("user")
    user = await repository.get(db, user_id, for_update=lock)
    if user is None:
        raise not_found("user")
    return user


@dataclass(frozen=True)
class UserUpdateResult:
    user: User
    sessions_revoked: bool


def _check_rights(principal: Principal, target: User, changes: dict[str, Any]) -> None:
    own = target.id == principal.user_id
    if "role" in changes and changes["role"] != target.role:
        if own:
            raise forbidden("Нельзя изменить собственную роль", "You cannot change your own role")
        if not principal.is_admin:
            raise forbidden("Роль может менять только администратор", "Only an admin can change roles")
    if "is_active" in changes and changes["is_active"] != target.is_active:
        if own:
            raise forbidden("Нельзя отключить самого себя", "You cannot disable yourself")
        if principal.is_operator:
            raise forbidden()
    if "full_name" in changes and principal.is_operator and not own:
        raise forbidden()


async def update_user(
    db: AsyncSession, principal: Principal, user_id: uuid.UUID, update: UserUpdate, *, ip: str
) -> UserUpdateResult:
    """Apply a PATCH. Disabling a user or changing their role ends all their sessions (after commit)."""
    target = await get_user(db, principal, user_id, lock=True)
    changes = {k: v for k, v in update.model_dump(exclude_unset=True).items() if v is not None}
    _check_rights(principal, target, changes)
    before = {k: getattr(target, k) for k in changes}
    for key, value in changes.items():
        setattr(target, key, value)
    disabled = before.get("is_active") is True and target.is_active is False
    revoke = disabled or ("role" in changes and before["role"] != target.role)
    if revoke:
        target.session_version += 1
        await add_to_outbox(db, UserSessionsRevoked(user_id=target.id), PRODUCER)
    if disabled:
        await add_to_outbox(db, UserDisabled(user_id=target.id), PRODUCER)
    if target.extension is not None and "is_active" in changes and before["is_active"] != target.is_active:
        await extension_changed(db, target.id)
    if changes:
        await record_audit(
            db,
            "user.updated",
            actor_id=principal.user_id,
            ip=ip,
            object_type="user",
            object_id=target.id,
            before={k: str(v) for k, v in before.items()},
            after={k: str(getattr(target, k)) for k in changes},
        )
    return UserUpdateResult(target, revoke)
