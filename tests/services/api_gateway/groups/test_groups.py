"""User groups (F-11): admins manage all; supervisors the groups of their projects; an operator may be
in several groups."""

import uuid

from obzvon_db.enums import UserRole
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from tests.services.api_gateway.conftest import ClientFactory
from tests.services.api_gateway.factories import World, add_project, add_user
from tests.services.api_gateway.projects.helpers import signed_in


async def test_admin_creates_renames_and_staffs_groups(
    client_factory: ClientFactory, sessions: async_sessionmaker[AsyncSession], world: World
) -> None:
    operator = await add_user(sessions, UserRole.OPERATOR)
    admin = await signed_in(client_factory, world.admin)
    ids = []
    for label in ("A", "B"):
        created = await admin.http.post(
            "/api/groups", json={"name": f"Группа {label} {uuid.uuid4().hex[:6]}"}
        )
        assert created.status_code == 201, created.text
        ids.append(created.json()["id"])
        added = await admin.http.post(f"/api/groups/{ids[-1]}/members", json={"user_ids": [str(operator.id)]})
        assert [m["id"] for m in added.json()["members"]] == [str(operator.id)]
    renamed = await admin.http.patch(f"/api/groups/{ids[0]}", json={"name": "Новое имя " + ids[0][:6]})
    assert renamed.json()["name"].startswith("Новое имя")
    operator_client = await signed_in(client_factory, operator)
    assert sorted(g["id"] for g in (await operator_client.http.get("/api/groups")).json()) == sorted(ids)
    assert (await operator_client.http.patch(f"/api/groups/{ids[0]}", json={"name": "x"})).status_code == 403
    removed = await admin.http.delete(f"/api/groups/{ids[0]}/members/{operator.id}")
    assert removed.json()["members"] == []
    assert (await admin.http.delete(f"/api/groups/{ids[0]}/members/{operator.id}")).status_code == 404
    refused = await admin.http.post(f"/api/groups/{ids[0]}/members", json={"user_ids": [str(world.sup_a.id)]})
    assert (refused.status_code, refused.json()["errors"][0]["loc"]) == (422, ["body", "user_ids"])
    assert (await admin.http.delete(f"/api/groups/{ids[1]}")).status_code == 204
    assert (await admin.http.get(f"/api/groups/{ids[1]}")).status_code == 404


async def test_supervisors_manage_only_the_groups_of_their_projects(
    client_factory: ClientFactory, sessions: async_sessionmaker[AsyncSession], world: World
) -> None:
    operator = await add_user(sessions, UserRole.OPERATOR)
    newcomer = await add_user(sessions, UserRole.OPERATOR)
    await add_project(sessions, "groups-a", [world.sup_a], [operator])
    sup_a = await signed_in(client_factory, world.sup_a)
    sup_b = await signed_in(client_factory, world.sup_b)
    own = next(
        g
        for g in (await sup_a.http.get("/api/groups")).json()
        if g["members"] and g["members"][0]["id"] == str(operator.id)
    )
    assert own["id"] not in [g["id"] for g in (await sup_b.http.get("/api/groups")).json()]
    url = f"/api/groups/{own['id']}"
    assert (await sup_b.http.patch(url, json={"name": "чужая"})).status_code == 404
    assert (await sup_b.http.post(f"{url}/members", json={"user_ids": [str(newcomer.id)]})).status_code == 404
    added = await sup_a.http.post(f"{url}/members", json={"user_ids": [str(newcomer.id)]})
    assert str(newcomer.id) in [m["id"] for m in added.json()["members"]]
    assert (await sup_a.http.post("/api/groups", json={"name": "своя"})).status_code == 403
    assert (await sup_a.http.delete(url)).status_code == 403
