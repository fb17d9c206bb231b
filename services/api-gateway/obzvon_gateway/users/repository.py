"""SQL for users."""

import uuid
from collections.abc import Iterable

import sqlalchemy as sa
from obzvon_db.enums import UserRole
from obzvon_db.models import User
from sqlalchemy.ext.asyncio import AsyncSession


async def get(db: AsyncSession, user_id: uuid.UUID, *, for_update: bool = False) -> User | None:
    """A user that is not deleted."""
    statement = sa.select(User).where(User.id == user_id, User.deleted_at.is_(None))
    if for_update:
        statement = statement.with_for_update()
    return await db.scalar(statement)


async def get_by_email(db: AsyncSession, email: str) -> User | None:
    return await db.scalar(
        sa.select(User).where(sa.func.lower(User.email) == email.strip().lower(), User.deleted_at.is_(None))
    )


async def email_taken(db: AsyncSession, email: str) -> bool:
    return await get_by_email(db, email) is not None


async def extension_taken(db: AsyncSession, extension: str) -> bool:
    found = await db.scalar(
        sa.select(User.id).where(User.extension == extension, User.deleted_at.is_(None)).limit(1)
    )
    return found is not None


async def list_users(
    db: AsyncSession,
    ids: Iterable[uuid.UUID] | None,
    *,
    role: UserRole | None = None,
    active_only: bool = False,
) -> list[User]:
    """Users not deleted, restricted to `ids` unless it is None, ordered by name."""
    statement = sa.select(User).where(User.deleted_at.is_(None))
    if ids is not None:
        statement = statement.where(User.id.in_(list(ids)))
    if role is not None:
        statement = statement.where(User.role == role)
    if active_only:
        statement = statement.where(User.is_active.is_(True))
    return list(await db.scalars(statement.order_by(User.full_name, User.id)))


async def add(db: AsyncSession, user: User) -> User:
    db.add(user)
    await db.flush()
    return user
