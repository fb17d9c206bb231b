"""HTTP: the caller's own dashboard (F-63)."""

from typing import Annotated

from fastapi import APIRouter, Query

from obzvon_gateway.auth.dependencies import CurrentPrincipal
from obzvon_gateway.dashboard import service
from obzvon_gateway.dashboard.schemas import MyDashboard
from obzvon_gateway.deps import Db
from obzvon_gateway.openapi import problems

router = APIRouter(prefix="/api/dashboard", tags=["dashboard"])


@router.get("/me", response_model=MyDashboard, responses=problems(401))
async def get_my_dashboard(
    principal: CurrentPrincipal,
    db: Db,
    tz: Annotated[
        str | None, Query(max_length=64, description="IANA zone of «today», e.g. Europe/Moscow")
    ] = None,
) -> MyDashboard:
    """Today up to now: the caller's time in each state and counts of the calls they talked in."""
    return await service.my_dashboard(db, principal, tz)
