"""Sign-in rules (F-01): throttled password check, session start and end, audit rows."""

import datetime as dt
import uuid
from dataclasses import dataclass

from obzvon_db.models import User
from sqlalchemy.ext.asyncio import AsyncSession

from obzvon_gateway.audit import record_audit
from obzvon_gateway.auth.principal import Principal
from obzvon_gateway.auth.revocation import publish_revocation
from obzvon_gateway.auth.sessions import SessionData
from obzvon_gateway.context import GatewayContext
from obzvon_gateway.users import repository as user_repository


@dataclass(frozen=True)
class LoginResult:
    user: User
    cookie: str
    session: SessionData


class LoginRefusedError(Exception):
    """A wrong e-mail or password; the audit row is in the session and must be committed."""


async def login(
    db: AsyncSession,
    gateway: GatewayContext,
    email: str,
    password: str,
    *,
    ip: str,
    user_agent: str,
    previous_cookie: str | None,
) -> LoginResult:
    await gateway.limiter.check(email, ip)
    user = await user_repository.get_by_email(db, email)
    if user is None:
        await gateway.hasher.verify_dummy(password)
        valid = False
    else:
        valid = await gateway.hasher.verify(password, user.password_hash) and user.is_active
    if user is None or not valid:
        await gateway.limiter.record_failure(email, ip)
        await record_audit(
            db,
            "auth.login_failed",
            actor_id=user.id if user else None,
            ip=ip,
            object_type="user",
            object_id=user.id if user else None,
            after={"email": email[:320]},
        )
        raise LoginRefusedError
    await gateway.limiter.record_success(email, ip)
    if previous_cookie:
        previous = await gateway.sessions.load(previous_cookie, touch=False)
        if previous is not None:
            await gateway.sessions.revoke(previous)
    cookie, session = await gateway.sessions.create(
        user.id, user.session_version, ip=ip, user_agent=user_agent
    )
    user.last_login_at = dt.datetime.now(dt.UTC)
    await record_audit(db, "auth.login", actor_id=user.id, ip=ip, object_type="user", object_id=user.id)
    return LoginResult(user, cookie, session)


async def logout(db: AsyncSession, gateway: GatewayContext, principal: Principal, *, ip: str) -> None:
    """End the caller's session and close the sockets opened with it."""
    if principal.session is None:
        return
    await gateway.sessions.revoke(principal.session)
    await publish_revocation(
        gateway.resources.redis, gateway.resources.keys, principal.user_id, principal.session.key_hash
    )
    await record_audit(
        db, "auth.logout", actor_id=principal.user_id, ip=ip, object_type="user", object_id=principal.user_id
    )


async def end_all_sessions(gateway: GatewayContext, user_id: uuid.UUID) -> None:
    """After a commit that bumped the user's session_version: drop their sessions and close their sockets."""
    await gateway.sessions.revoke_all(user_id)
    await publish_revocation(gateway.resources.redis, gateway.resources.keys, user_id)
