"""HTTP: operator states (F-50) — one's own state and the states of the operators in scope."""

import uuid

from fastapi import APIRouter

from obzvon_gateway.auth.dependencies import CurrentPrincipal
from obzvon_gateway.deps import Db
from obzvon_gateway.openapi import problems
from obzvon_gateway.operator_state import service
from obzvon_gateway.operator_state.schemas import OperatorStateOut, StateChange

router = APIRouter(prefix="/api/operators", tags=["operator state"])


@router.get("/me/state", response_model=OperatorStateOut, responses=problems(401, 403))
async def get_my_state(principal: CurrentPrincipal, db: Db) -> OperatorStateOut:
    return await service.get_my_state(db, principal)


@router.put("/me/state", response_model=OperatorStateOut, responses=problems(401, 403, 409))
async def set_my_state(body: StateChange, principal: CurrentPrincipal, db: Db) -> OperatorStateOut:
    """Choose active, pause, do not disturb or inactive; live monitors get the change over the WebSocket."""
    result = await service.set_my_state(db, principal, body.state)
    await db.commit()
    return result


@router.get("/states", response_model=list[OperatorStateOut], responses=problems(401))
async def list_operator_states(principal: CurrentPrincipal, db: Db) -> list[OperatorStateOut]:
    return await service.list_states(db, principal)


@router.get("/{operator_id}/state", response_model=OperatorStateOut, responses=problems(401, 404))
async def get_operator_state(operator_id: uuid.UUID, principal: CurrentPrincipal, db: Db) -> OperatorStateOut:
    return await service.get_state(db, principal, operator_id)
