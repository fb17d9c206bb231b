"""Creating and listing projects (F-20, F-21), soft delete, activation and run/stop (F-22, A §5.3)."""

import datetime as dt

import sqlalchemy as sa
from obzvon_db.models import AuditLog, Project
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from tests.services.api_gateway.conftest import ClientFactory
from tests.services.api_gateway.factories import World
from tests.services.api_gateway.projects.helpers import add_trunk, create_project, signed_in


async def test_admin_creates_a_project_with_the_four_fields(
    client_factory: ClientFactory, world: World
) -> None:
    """F-21: name, queue timeout, operator timeout, strategy; the rest takes defaults."""
    admin = await signed_in(client_factory, world.admin)
    response = await admin.http.post(
        "/api/projects",
        json={
            "name": "  Весна  ",
            "queue_timeout_s": 44,
            "operator_timeout_s": 12,
            "strategy": "fewest_calls",
        },
    )
    assert response.status_code == 201, response.text
    body = response.json()
    assert body["name"] == "Весна"
    assert (body["queue"]["queue_timeout_s"], body["queue"]["operator_timeout_s"]) == (44, 12)
    assert body["queue"]["strategy"] == "fewest_calls"
    assert body["project"]["timezone"] == "Europe/Moscow"
    assert body["card_template"]["fixed_fields"][0]["key"] == "full_name"
    assert (body["is_active"], body["is_running"]) == (True, False)


async def test_only_admins_create_projects_and_bad_fields_are_named(
    client_factory: ClientFactory, world: World
) -> None:
    supervisor = await signed_in(client_factory, world.sup_a)
    operator = await signed_in(client_factory, world.op1)
    assert (await supervisor.http.post("/api/projects", json={"name": "x"})).status_code == 403
    assert (await operator.http.post("/api/projects", json={"name": "x"})).status_code == 403
    admin = await signed_in(client_factory, world.admin)
    response = await admin.http.post("/api/projects", json={"name": " ", "queue_timeout_s": 0})
    assert response.status_code == 422
    assert response.headers["content-type"].startswith("application/problem+json")
    locs = [e["loc"][-1] for e in response.json()["errors"]]
    assert locs == ["name", "queue_timeout_s"]
    assert "Таймаут очереди" in response.json()["detail"]


async def test_list_filters_by_name_group_and_dates(client_factory: ClientFactory, world: World) -> None:
    """F-20: filters by creation dates, a part of the name (wildcards are literal) and a group."""
    admin = await signed_in(client_factory, world.admin)
    created = await create_project(admin, "Фильтр_100% уникальный")
    names = [p["name"] for p in (await admin.http.get("/api/projects", params={"name": "_100%"})).json()]
    assert names == ["Фильтр_100% уникальный"]
    assert (await admin.http.get("/api/projects", params={"name": "1%0"})).json() == []
    today = dt.datetime.now(dt.UTC).date()
    tomorrow = (today + dt.timedelta(days=1)).isoformat()
    listed = await admin.http.get(
        "/api/projects", params={"created_from": today.isoformat(), "name": "Фильтр"}
    )
    assert [p["id"] for p in listed.json()] == [created["id"]]
    assert (
        await admin.http.get("/api/projects", params={"created_from": tomorrow, "name": "Фильтр"})
    ).json() == []
    group_id = (await admin.http.get(f"/api/projects/{world.p1.id}")).json()["queue"]["group_ids"][0]
    in_group = (await admin.http.get("/api/projects", params={"group_id": group_id})).json()
    assert [p["id"] for p in in_group] == [str(world.p1.id)]
    assert in_group[0]["supervisors"][0]["id"] == str(world.sup_a.id)


async def test_soft_delete_hides_the_project_and_keeps_the_row(
    client_factory: ClientFactory, sessions: async_sessionmaker[AsyncSession], world: World
) -> None:
    admin = await signed_in(client_factory, world.admin)
    project = await create_project(admin)
    assert (await admin.http.delete(f"/api/projects/{project['id']}")).status_code == 204
    assert (await admin.http.get(f"/api/projects/{project['id']}")).status_code == 404
    assert (await admin.http.delete(f"/api/projects/{project['id']}")).status_code == 404
    assert project["id"] not in [p["id"] for p in (await admin.http.get("/api/projects")).json()]
    async with sessions() as db:
        row = await db.get(Project, project["id"])
        audit = await db.scalar(
            sa.select(AuditLog).where(
                AuditLog.object_id == str(project["id"]), AuditLog.action == "project.deleted"
            )
        )
    assert row is not None and row.deleted_at is not None
    assert audit is not None


async def test_activate_deactivate_start_and_stop(
    client_factory: ClientFactory, sessions: async_sessionmaker[AsyncSession], world: World
) -> None:
    """A §5.3: a project runs only when active with an active outbound trunk; deactivating stops it."""
    admin = await signed_in(client_factory, world.admin)
    project = await create_project(admin)
    url = f"/api/projects/{project['id']}"
    refused = await admin.http.post(f"{url}/start")
    assert (refused.status_code, refused.json()["code"]) == (409, "no_trunk")
    trunk = await add_trunk(sessions)
    assert (await admin.http.patch(url, json={"project": {"trunk_id": str(trunk.id)}})).status_code == 200
    assert (await admin.http.post(f"{url}/deactivate")).json()["is_active"] is False
    refused = await admin.http.post(f"{url}/start", headers={"Accept-Language": "en"})
    assert (refused.status_code, refused.json()["code"]) == (409, "project_inactive")
    assert (await admin.http.post(f"{url}/activate")).json()["is_active"] is True
    started = await admin.http.post(f"{url}/start")
    assert started.json()["is_running"] is True
    assert (await admin.http.post(f"{url}/stop")).json()["is_running"] is False
    assert (await admin.http.patch(url, json={"project": {"is_running": True}})).json()["is_running"] is True
    stopped = (await admin.http.post(f"{url}/deactivate")).json()
    assert (stopped["is_active"], stopped["is_running"]) == (False, False)


async def test_an_inactive_trunk_cannot_be_chosen(
    client_factory: ClientFactory, sessions: async_sessionmaker[AsyncSession], world: World
) -> None:
    admin = await signed_in(client_factory, world.admin)
    project = await create_project(admin)
    trunk = await add_trunk(sessions, active=False)
    response = await admin.http.patch(
        f"/api/projects/{project['id']}", json={"project": {"trunk_id": str(trunk.id)}}
    )
    assert response.status_code == 422
    assert response.json()["errors"][0]["loc"] == ["body", "project", "trunk_id"]
