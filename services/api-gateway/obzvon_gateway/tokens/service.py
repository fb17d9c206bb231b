"""API tokens (F-05): created by a signed-in user, stored as SHA-256, acting with the owner's role."""

import datetime as dt
import uuid

from obzvon_db.models import ApiToken
from obzvon_platform.problem import not_found
from sqlalchemy.ext.asyncio import AsyncSession

from obzvon_gateway.audit import record_audit
from obzvon_gateway.auth.principal import Principal
from obzvon_gateway.security.tokens import new_api_token, sha256_hex
from obzvon_gateway.tokens import repository

PREFIX_LENGTH = 12


async def create_token(
    db: AsyncSession, principal: Principal, name: str, expires_in_days: int | None, *, ip: str
) -> tuple[ApiToken, str]:
    """A new token for the caller; returns the row and the secret (never stored in clear)."""
    secret = new_api_token()
    expires_at = None
    if expires_in_days is not None:
        expires_at = dt.datetime.now(dt.UTC) + dt.timedelta(days=expires_in_days)
    token = await repository.add(
        db,
        ApiToken(
            user_id=principal.user_id,
            name=name.strip(),
            token_hash=sha256_hex(secret),
            prefix=secret[:PREFIX_LENGTH],
            expires_at=expires_at,
        ),
    )
    await db.refresh(token, ["created_at"])
    await record_audit(
        db,
        "token.created",
        actor_id=principal.user_id,
        ip=ip,
        object_type="api_token",
        object_id=token.id,
        after={"name": token.name},
    )
    return token, secret


async def list_tokens(db: AsyncSession, principal: Principal) -> list[ApiToken]:
    return await repository.list_for_user(db, principal.user_id)


async def revoke_token(db: AsyncSession, principal: Principal, token_id: uuid.UUID, *, ip: str) -> None:
    """Revoke one of the caller's own tokens; someone else's is 404."""
    token = await repository.get_for_user(db, token_id, principal.user_id)
    if token is None:
        raise not_found("token")
    token.revoked_at = dt.datetime.now(dt.UTC)
    await db.flush()
    await record_audit(
        db, "token.revoked", actor_id=principal.user_id, ip=ip, object_type="api_token", object_id=token.id
    )
