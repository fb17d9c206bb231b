"""Tasks in the card (F-54): create, edit, mark done, delete, list with the overdue flag; scope by role."""

import datetime as dt
import uuid

from obzvon_db.enums import UserRole
from obzvon_db.models import Contact
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from tests.services.api_gateway.conftest import ClientFactory
from tests.services.api_gateway.factories import World, add_project, add_user


async def a_contact(sessions: async_sessionmaker[AsyncSession], project_id: uuid.UUID) -> Contact:
    async with sessions() as db:
        contact = Contact(project_id=project_id, phone=f"79{uuid.uuid4().int % 10**9:09d}")
        db.add(contact)
        await db.commit()
        return contact


async def test_the_life_of_a_task(
    client_factory: ClientFactory, sessions: async_sessionmaker[AsyncSession]
) -> None:
    operator = await add_user(sessions, UserRole.OPERATOR, "tasks")
    project = await add_project(sessions, "Задачи", [], [operator])
    contact = await a_contact(sessions, project.id)
    client = client_factory()
    await client.login(operator.email)
    soon = dt.datetime.now(dt.UTC) + dt.timedelta(hours=1)
    past = dt.datetime.now(dt.UTC) - dt.timedelta(hours=1)
    created = await client.http.post(
        "/api/tasks",
        json={
            "contact_id": str(contact.id),
            "text": "Перезвонить с уточнением",
            "due_at": soon.isoformat(),
            "call_automatically": True,
        },
    )
    assert created.status_code == 201, created.text
    task = created.json()
    assert (task["status"], task["overdue"], task["operator_id"]) == ("active", False, str(operator.id))
    late = await client.http.post(
        "/api/tasks", json={"contact_id": str(contact.id), "due_at": past.isoformat()}
    )
    assert late.json()["status"] == "overdue"
    edited = await client.http.patch(
        f"/api/tasks/{task['id']}", json={"text": "Перезвонить", "due_at": past.isoformat()}
    )
    assert edited.json()["text"] == "Перезвонить" and edited.json()["overdue"] is True
    done = await client.http.post(f"/api/tasks/{task['id']}/done")
    assert done.json()["status"] == "done" and done.json()["overdue"] is False
    listed = await client.http.get("/api/tasks", params={"contact_id": str(contact.id)})
    assert sorted(t["status"] for t in listed.json()) == ["done", "overdue"]
    deleted = await client.http.delete(f"/api/tasks/{late.json()['id']}")
    assert deleted.status_code == 204
    remaining = await client.http.get("/api/tasks", params={"contact_id": str(contact.id)})
    assert [t["id"] for t in remaining.json()] == [task["id"]]


async def test_tasks_stay_within_scope(
    client_factory: ClientFactory, sessions: async_sessionmaker[AsyncSession], world: World
) -> None:
    contact_p3 = await a_contact(sessions, world.p3.id)
    op1 = client_factory()
    await op1.login(world.op1.email)
    refused = await op1.http.post(
        "/api/tasks", json={"contact_id": str(contact_p3.id), "due_at": dt.datetime.now(dt.UTC).isoformat()}
    )
    assert refused.status_code == 404  # not op1's project
    op2 = client_factory()
    await op2.login(world.op2.email)
    own = await op2.http.post(
        "/api/tasks", json={"contact_id": str(contact_p3.id), "due_at": dt.datetime.now(dt.UTC).isoformat()}
    )
    assert own.status_code == 201
    assert (await op1.http.post(f"/api/tasks/{own.json()['id']}/done")).status_code == 404
    sup_a = client_factory()
    await sup_a.login(world.sup_a.email)
    assert own.json()["id"] not in {t["id"] for t in (await sup_a.http.get("/api/tasks")).json()}
    sup_b = client_factory()
    await sup_b.login(world.sup_b.email)
    assert own.json()["id"] in {t["id"] for t in (await sup_b.http.get("/api/tasks")).json()}
