"""Notifications: everyone sees and marks only their own."""

import uuid

from obzvon_db.models import Notification
from obzvon_platform.problem import not_found
from sqlalchemy.ext.asyncio import AsyncSession

from obzvon_gateway.auth.principal import Principal
from obzvon_gateway.notifications import repository


async def list_notifications(
    db: AsyncSession, principal: Principal, *, unread_only: bool, limit: int
) -> list[Notification]:
    return await repository.list_for_user(db, principal.user_id, unread_only=unread_only, limit=limit)


async def mark_read(db: AsyncSession, principal: Principal, notification_id: uuid.UUID) -> None:
    if not await repository.mark_read(db, notification_id, principal.user_id):
        raise not_found("notification")
