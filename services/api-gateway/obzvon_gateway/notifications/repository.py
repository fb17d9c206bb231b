"""SQL for notifications."""

import datetime as dt
import uuid

import sqlalchemy as sa
from obzvon_db.models import Notification
from sqlalchemy.ext.asyncio import AsyncSession


async def list_for_user(
    db: AsyncSession, user_id: uuid.UUID, *, unread_only: bool, limit: int
) -> list[Notification]:
    statement = sa.select(Notification).where(Notification.user_id == user_id)
    if unread_only:
        statement = statement.where(Notification.read_at.is_(None))
    statement = statement.order_by(Notification.created_at.desc(), Notification.id).limit(limit)
    return list(await db.scalars(statement))


async def mark_read(db: AsyncSession, notification_id: uuid.UUID, user_id: uuid.UUID) -> bool:
    """Mark the user's own notification read (idempotent); False if it is not theirs or does not exist."""
    found = await db.scalar(
        sa.select(Notification).where(Notification.id == notification_id, Notification.user_id == user_id)
    )
    if found is None:
        return False
    if found.read_at is None:
        found.read_at = dt.datetime.now(dt.UTC)
        await db.flush()
    return True
