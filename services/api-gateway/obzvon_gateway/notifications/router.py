"""HTTP: the caller's notifications (F-03)."""

import uuid

from fastapi import APIRouter, Query, Response, status

from obzvon_gateway.auth.dependencies import CurrentPrincipal
from obzvon_gateway.deps import Db
from obzvon_gateway.notifications import service
from obzvon_gateway.notifications.schemas import NotificationOut
from obzvon_gateway.openapi import problems

router = APIRouter(prefix="/api/notifications", tags=["notifications"])


@router.get("", response_model=list[NotificationOut], responses=problems(401))
async def list_notifications(
    principal: CurrentPrincipal,
    db: Db,
    unread_only: bool = False,
    limit: int = Query(50, ge=1, le=200),
) -> list[NotificationOut]:
    """The caller's notifications, newest first."""
    rows = await service.list_notifications(db, principal, unread_only=unread_only, limit=limit)
    return [NotificationOut.model_validate(row) for row in rows]


@router.post(
    "/{notification_id}/read", status_code=status.HTTP_204_NO_CONTENT, responses=problems(401, 403, 404)
)
async def mark_notification_read(notification_id: uuid.UUID, principal: CurrentPrincipal, db: Db) -> Response:
    await service.mark_read(db, principal, notification_id)
    await db.commit()
    return Response(status_code=status.HTTP_204_NO_CONTENT)
