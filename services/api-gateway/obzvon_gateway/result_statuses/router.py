"""HTTP: result statuses (F-12)."""

import uuid

from fastapi import APIRouter

from obzvon_gateway.auth.dependencies import CurrentPrincipal
from obzvon_gateway.deps import ClientIp, Db
from obzvon_gateway.openapi import problems
from obzvon_gateway.result_statuses import service
from obzvon_gateway.result_statuses.schemas import ResultStatusCreate, ResultStatusOut, ResultStatusUpdate

router = APIRouter(prefix="/api/result-statuses", tags=["result-statuses"])


@router.get("", response_model=list[ResultStatusOut], responses=problems(401))
async def list_result_statuses(
    principal: CurrentPrincipal, db: Db, active_only: bool = False
) -> list[ResultStatusOut]:
    """All statuses by name (operators: active ones only)."""
    statuses = await service.list_statuses(db, principal, active_only=active_only)
    return [ResultStatusOut.model_validate(s) for s in statuses]


@router.post("", response_model=ResultStatusOut, status_code=201, responses=problems(401, 403, 409))
async def create_result_status(
    body: ResultStatusCreate, principal: CurrentPrincipal, db: Db, ip: ClientIp
) -> ResultStatusOut:
    status = await service.create(db, principal, body, ip=ip)
    await db.commit()
    return ResultStatusOut.model_validate(status)


@router.patch("/{status_id}", response_model=ResultStatusOut, responses=problems(401, 403, 404, 409))
async def update_result_status(
    status_id: uuid.UUID, body: ResultStatusUpdate, principal: CurrentPrincipal, db: Db, ip: ClientIp
) -> ResultStatusOut:
    """Rename, recolour, activate or deactivate a status."""
    status = await service.update(db, principal, status_id, body, ip=ip)
    await db.commit()
    return ResultStatusOut.model_validate(status)
