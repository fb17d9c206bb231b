"""HTTP: user groups (F-11)."""

import uuid

from fastapi import APIRouter, Response

from obzvon_gateway.auth.dependencies import CurrentPrincipal
from obzvon_gateway.deps import ClientIp, Db
from obzvon_gateway.groups import service
from obzvon_gateway.groups.schemas import GroupIn, GroupOut, MembersIn
from obzvon_gateway.openapi import problems

router = APIRouter(prefix="/api/groups", tags=["groups"])


@router.get("", response_model=list[GroupOut], responses=problems(401))
async def list_groups(principal: CurrentPrincipal, db: Db) -> list[GroupOut]:
    """Groups in scope with their members."""
    return await service.list_groups(db, principal)


@router.post("", response_model=GroupOut, status_code=201, responses=problems(401, 403, 409))
async def create_group(body: GroupIn, principal: CurrentPrincipal, db: Db, ip: ClientIp) -> GroupOut:
    group = await service.create(db, principal, body.name, ip=ip)
    await db.commit()
    return group


@router.get("/{group_id}", response_model=GroupOut, responses=problems(401, 404))
async def get_group(group_id: uuid.UUID, principal: CurrentPrincipal, db: Db) -> GroupOut:
    return (await service.views(db, [await service.visible(db, principal, group_id)]))[0]


@router.patch("/{group_id}", response_model=GroupOut, responses=problems(401, 403, 404, 409))
async def rename_group(
    group_id: uuid.UUID, body: GroupIn, principal: CurrentPrincipal, db: Db, ip: ClientIp
) -> GroupOut:
    group = await service.rename(db, principal, group_id, body.name, ip=ip)
    await db.commit()
    return group


@router.delete("/{group_id}", status_code=204, responses=problems(401, 403, 404))
async def delete_group(group_id: uuid.UUID, principal: CurrentPrincipal, db: Db, ip: ClientIp) -> Response:
    await service.delete(db, principal, group_id, ip=ip)
    await db.commit()
    return Response(status_code=204)


@router.post("/{group_id}/members", response_model=GroupOut, responses=problems(401, 403, 404))
async def add_group_members(
    group_id: uuid.UUID, body: MembersIn, principal: CurrentPrincipal, db: Db, ip: ClientIp
) -> GroupOut:
    """Add operators (already present ones are kept)."""
    group = await service.add_members(db, principal, group_id, body.user_ids, ip=ip)
    await db.commit()
    return group


@router.delete("/{group_id}/members/{user_id}", response_model=GroupOut, responses=problems(401, 403, 404))
async def remove_group_member(
    group_id: uuid.UUID, user_id: uuid.UUID, principal: CurrentPrincipal, db: Db, ip: ClientIp
) -> GroupOut:
    group = await service.remove_member(db, principal, group_id, user_id, ip=ip)
    await db.commit()
    return group
