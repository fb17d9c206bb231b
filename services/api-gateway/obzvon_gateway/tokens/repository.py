"""SQL for API tokens (F-05)."""

import datetime as dt
import uuid

import sqlalchemy as sa
from obzvon_db.models import ApiToken, User
from sqlalchemy.ext.asyncio import AsyncSession


async def find_active(db: AsyncSession, token_hash: str, now: dt.datetime) -> tuple[ApiToken, User] | None:
    """The unrevoked, unexpired token with this hash and its active owner."""
    row = (
        await db.execute(
            sa.select(ApiToken, User)
            .join(User, User.id == ApiToken.user_id)
            .where(
                ApiToken.token_hash == token_hash,
                ApiToken.revoked_at.is_(None),
                sa.or_(ApiToken.expires_at.is_(None), ApiToken.expires_at > now),
                User.is_active.is_(True),
                User.deleted_at.is_(None),
            )
        )
    ).first()
    return None if row is None else (row[0], row[1])


async def list_for_user(db: AsyncSession, user_id: uuid.UUID) -> list[ApiToken]:
    rows = await db.scalars(
        sa.select(ApiToken)
        .where(ApiToken.user_id == user_id, ApiToken.revoked_at.is_(None))
        .order_by(ApiToken.created_at.desc())
    )
    return list(rows)


async def get_for_user(db: AsyncSession, token_id: uuid.UUID, user_id: uuid.UUID) -> ApiToken | None:
    return await db.scalar(
        sa.select(ApiToken).where(
            ApiToken.id == token_id, ApiToken.user_id == user_id, ApiToken.revoked_at.is_(None)
        )
    )


async def add(db: AsyncSession, token: ApiToken) -> ApiToken:
    db.add(token)
    await db.flush()
    return token


async def touch(db: AsyncSession, token_id: uuid.UUID, now: dt.datetime) -> None:
    await db.execute(sa.update(ApiToken).where(ApiToken.id == token_id).values(last_used_at=now))
