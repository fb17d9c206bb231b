"""HTTP: live monitoring (F-64)."""

import uuid

from fastapi import APIRouter

from obzvon_gateway.auth.dependencies import CurrentPrincipal
from obzvon_gateway.deps import Db
from obzvon_gateway.monitoring import service
from obzvon_gateway.monitoring.schemas import MonitoringSnapshot
from obzvon_gateway.openapi import problems

router = APIRouter(prefix="/api/monitoring", tags=["monitoring"])


@router.get("", response_model=MonitoringSnapshot, responses=problems(401, 403, 404))
async def get_monitoring(
    principal: CurrentPrincipal, db: Db, project_id: uuid.UUID | None = None
) -> MonitoringSnapshot:
    """Operators' states and time in them, calls waiting with their wait time, online/offline counts and
    each project's strategy; changes then come over the WebSocket."""
    return await service.snapshot(db, principal, project_id)
