"""User groups (F-11): admins manage all groups; supervisors rename and staff the groups of their
projects; operators read the groups they are in. Groups outside the caller's scope answer 404.

Members are operators; an operator may be in several groups.
"""

import uuid

from obzvon_db.models import Group
from obzvon_platform.problem import Problem, not_found
from sqlalchemy.ext.asyncio import AsyncSession

from obzvon_gateway.audit import record_audit
from obzvon_gateway.auth.principal import Principal
from obzvon_gateway.auth.problems import forbidden
from obzvon_gateway.groups import repository
from obzvon_gateway.groups.schemas import GroupOut, MemberOut
from obzvon_gateway.projects.errors import field_problem


async def scope(db: AsyncSession, principal: Principal) -> frozenset[uuid.UUID] | None:
    """Groups the caller may see; None means all of them."""
    if principal.is_admin:
        return None
    if principal.is_supervisor:
        return await repository.supervised_group_ids(db, principal.user_id)
    return await repository.member_group_ids(db, principal.user_id)


async def views(db: AsyncSession, groups: list[Group]) -> list[GroupOut]:
    members = await repository.members(db, [g.id for g in groups]) if groups else {}
    return [
        GroupOut(id=g.id, name=g.name, members=[MemberOut.model_validate(u) for u in members.get(g.id, [])])
        for g in groups
    ]


async def list_groups(db: AsyncSession, principal: Principal) -> list[GroupOut]:
    return await views(db, await repository.list_groups(db, await scope(db, principal)))


async def visible(
    db: AsyncSession, principal: Principal, group_id: uuid.UUID, *, lock: bool = False
) -> Group:
    ids = await scope(db, principal)
    group = await repository.get(db, group_id, for_update=lock) if ids is None or group_id in ids else None
    if group is None:
        raise not_found("group")
    return group


async def managed(db: AsyncSession, principal: Principal, group_id: uuid.UUID) -> Group:
    group = await visible(db, principal, group_id, lock=True)
    if principal.is_operator:
        raise forbidden()
    return group


async def _clean_name(db: AsyncSession, name: str, other_than: uuid.UUID | None) -> str:
    cleaned = name.strip()
    if not cleaned:
        raise field_problem("name", "name_required", "Укажите название группы", "name: the name is required")
    if await repository.name_taken(db, cleaned, other_than=other_than):
        raise Problem(409, "group_name_taken", "Группа с таким названием уже есть", "The group name is taken")
    return cleaned


async def _audit(
    db: AsyncSession, principal: Principal, ip: str, action: str, group_id: uuid.UUID, **after: object
) -> None:
    await record_audit(
        db, action, actor_id=principal.user_id, ip=ip, object_type="group", object_id=group_id, after=after
    )


async def create(db: AsyncSession, principal: Principal, name: str, *, ip: str) -> GroupOut:
    if not principal.is_admin:
        raise forbidden("Создавать группы может только администратор", "Only an admin creates groups")
    group = Group(name=await _clean_name(db, name, None))
    db.add(group)
    await db.flush()
    await _audit(db, principal, ip, "group.created", group.id, name=group.name)
    return (await views(db, [group]))[0]


async def rename(
    db: AsyncSession, principal: Principal, group_id: uuid.UUID, name: str, *, ip: str
) -> GroupOut:
    group = await managed(db, principal, group_id)
    before = group.name
    group.name = await _clean_name(db, name, group.id)
    await record_audit(
        db,
        "group.renamed",
        actor_id=principal.user_id,
        ip=ip,
        object_type="group",
        object_id=group.id,
        before={"name": before},
        after={"name": group.name},
    )
    return (await views(db, [group]))[0]


async def add_members(
    db: AsyncSession, principal: Principal, group_id: uuid.UUID, user_ids: list[uuid.UUID], *, ip: str
) -> GroupOut:
    group = await managed(db, principal, group_id)
    found = await repository.operator_ids(db, user_ids)
    if found != set(user_ids):
        raise field_problem(
            "user_ids",
            "not_an_operator",
            "В группу можно добавить только операторов",
            "user_ids: operators only",
        )
    await repository.add_members(db, group.id, user_ids)
    await _audit(db, principal, ip, "group.members_added", group.id, user_ids=[str(u) for u in user_ids])
    return (await views(db, [group]))[0]


async def remove_member(
    db: AsyncSession, principal: Principal, group_id: uuid.UUID, user_id: uuid.UUID, *, ip: str
) -> GroupOut:
    group = await managed(db, principal, group_id)
    if not await repository.remove_member(db, group.id, user_id):
        raise not_found("member")
    await _audit(db, principal, ip, "group.member_removed", group.id, user_id=str(user_id))
    return (await views(db, [group]))[0]


async def delete(db: AsyncSession, principal: Principal, group_id: uuid.UUID, *, ip: str) -> None:
    group = await visible(db, principal, group_id, lock=True)
    if not principal.is_admin:
        raise forbidden("Удалять группы может только администратор", "Only an admin deletes groups")
    await _audit(db, principal, ip, "group.deleted", group.id, name=group.name)
    await repository.delete(db, group)
