"""HTTP: trunks (F-13). Admins only, except the list of names that supervisors use in project settings."""

import uuid

from fastapi import APIRouter, Response

from obzvon_gateway.auth.dependencies import CurrentPrincipal
from obzvon_gateway.deps import ClientIp, Db
from obzvon_gateway.openapi import problems
from obzvon_gateway.trunks import service
from obzvon_gateway.trunks.schemas import TrunkCreate, TrunkName, TrunkOut, TrunkUpdate

router = APIRouter(prefix="/api/trunks", tags=["trunks"])


@router.get("", response_model=list[TrunkOut], responses=problems(401, 404))
async def list_trunks(principal: CurrentPrincipal, db: Db) -> list[TrunkOut]:
    """Every trunk by name. The password is never returned: `has_password` tells whether one is set."""
    return [TrunkOut.of(trunk) for trunk in await service.list_trunks(db, principal)]


@router.get("/names", response_model=list[TrunkName], responses=problems(401, 404))
async def list_trunk_names(principal: CurrentPrincipal, db: Db) -> list[TrunkName]:
    """Trunk names for choosing a project's trunk (admins and supervisors)."""
    return [TrunkName.model_validate(trunk) for trunk in await service.list_names(db, principal)]


@router.post("", response_model=TrunkOut, status_code=201, responses=problems(401, 404, 409, 503))
async def create_trunk(body: TrunkCreate, principal: CurrentPrincipal, db: Db, ip: ClientIp) -> TrunkOut:
    """Add a trunk; with a password it registers with the provider, without one it is an IP trunk."""
    trunk = await service.create(db, principal, body, ip=ip)
    await db.commit()
    return TrunkOut.of(trunk)


@router.get("/{trunk_id}", response_model=TrunkOut, responses=problems(401, 404))
async def get_trunk(trunk_id: uuid.UUID, principal: CurrentPrincipal, db: Db) -> TrunkOut:
    return TrunkOut.of(await service.get_trunk(db, principal, trunk_id))


@router.patch("/{trunk_id}", response_model=TrunkOut, responses=problems(401, 404, 409, 503))
async def update_trunk(
    trunk_id: uuid.UUID, body: TrunkUpdate, principal: CurrentPrincipal, db: Db, ip: ClientIp
) -> TrunkOut:
    """Change a trunk. Omit `password` to keep it, send `""` to remove it."""
    trunk = await service.update(db, principal, trunk_id, body, ip=ip)
    await db.commit()
    return TrunkOut.of(trunk)


@router.delete("/{trunk_id}", status_code=204, responses=problems(401, 404, 409))
async def delete_trunk(trunk_id: uuid.UUID, principal: CurrentPrincipal, db: Db, ip: ClientIp) -> Response:
    """Delete an unused trunk; a trunk a project or a user still uses gives 409 (deactivate it instead)."""
    await service.delete(db, principal, trunk_id, ip=ip)
    await db.commit()
    return Response(status_code=204)
