"""Trunks API (F-13): admins manage trunks; passwords are write-only and encrypted at rest (ASVS 11.3.2);
every change queues `pbx_config_changed` for the dialer."""

import uuid
from typing import Any

import pytest
import sqlalchemy as sa
from obzvon_db import secrets
from obzvon_db.models import Trunk
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from tests.services.api_gateway.conftest import ClientFactory
from tests.services.api_gateway.factories import World
from tests.services.api_gateway.projects.helpers import signed_in


def trunk_body(**overrides: Any) -> dict[str, Any]:
    body: dict[str, Any] = {
        "name": f"zadarma-{uuid.uuid4().hex[:6]}",
        "username": "123456",
        "password": "Pa55;word-" + uuid.uuid4().hex[:8],
        "host": "sip:sip.zadarma.com",
    }
    body.update(overrides)
    return body


async def pbx_events(sessions: async_sessionmaker[AsyncSession], object_id: str) -> int:
    async with sessions() as db:
        count = await db.scalar(
            sa.text(
                "SELECT count(*) FROM outbox WHERE routing_key = 'pbx.config.changed' "
                "AND payload->'data'->>'object_id' = :id"
            ),
            {"id": object_id},
        )
    return int(count or 0)


async def test_admin_creates_reads_updates_and_deletes_a_trunk(
    client_factory: ClientFactory, world: World, sessions: async_sessionmaker[AsyncSession]
) -> None:
    admin = await signed_in(client_factory, world.admin)
    body = trunk_body(inbound_project_id=str(world.p1.id), max_lines=30)
    created = await admin.http.post("/api/trunks", json=body)
    assert created.status_code == 201, created.text
    trunk = created.json()
    assert trunk["host"] == "sip.zadarma.com" and trunk["has_password"] is True
    assert (trunk["port"], trunk["context"], trunk["max_lines"]) == (5060, "inbound", 30)
    assert trunk["inbound_project_id"] == str(world.p1.id)
    url = f"/api/trunks/{trunk['id']}"
    assert (await admin.http.get(url)).json()["name"] == body["name"]
    assert trunk["id"] in [t["id"] for t in (await admin.http.get("/api/trunks")).json()]

    patched = await admin.http.patch(url, json={"is_active": False, "inbound_project_id": None})
    assert patched.status_code == 200, patched.text
    assert (patched.json()["is_active"], patched.json()["inbound_project_id"]) == (False, None)
    assert patched.json()["has_password"] is True  # an omitted password is kept
    removed = await admin.http.patch(url, json={"password": ""})
    assert removed.json()["has_password"] is False
    assert await pbx_events(sessions, trunk["id"]) == 3

    assert (await admin.http.delete(url)).status_code == 204
    assert (await admin.http.get(url)).status_code == 404
    assert await pbx_events(sessions, trunk["id"]) == 4


async def test_the_password_is_write_only_and_encrypted_at_rest(
    client_factory: ClientFactory, world: World, sessions: async_sessionmaker[AsyncSession]
) -> None:
    admin = await signed_in(client_factory, world.admin)
    body = trunk_body()
    password = body["password"]
    created = await admin.http.post("/api/trunks", json=body)
    listed = await admin.http.get("/api/trunks")
    one = await admin.http.get(f"/api/trunks/{created.json()['id']}")
    for response in (created, listed, one):
        assert password not in response.text
        assert "secret" not in response.text
    async with sessions() as db:
        dump = await db.scalar(sa.text("SELECT string_agg(t::text, '|') FROM trunks t"))
        audit = await db.scalar(sa.text("SELECT string_agg(a::text, '|') FROM audit_log a"))
        outbox = await db.scalar(sa.text("SELECT string_agg(o::text, '|') FROM outbox o"))
        row = await db.get(Trunk, uuid.UUID(created.json()["id"]))
    assert password not in (dump or "") and password not in (audit or "") and password not in (outbox or "")
    assert row is not None and row.secret_ciphertext is not None
    assert secrets.decrypt(row.secret_ciphertext, row.id) == password


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"name": "  "}, "name", "Укажите название"),
        ({"host": "sip.example.com\n[evil]"}, "host", "Хост"),
        ({"host": "-bad-.com"}, "host", "Хост"),
        ({"port": 70000}, "port", "Порт"),
        ({"username": "user name"}, "username", "Имя пользователя"),
        ({"username": ""}, "username", "укажите имя пользователя"),
        ({"password": "line\nbreak"}, "password", "Пароль"),
        ({"context": "in bound"}, "context", "Контекст"),
        ({"max_lines": 0}, "max_lines", "Число линий"),
        ({"inbound_project_id": str(uuid.UUID(int=1))}, "inbound_project_id", "Проект"),
    ],
)
async def test_bad_trunks_are_refused_in_russian_and_english(
    overrides: dict[str, Any], field: str, message: str, client_factory: ClientFactory, world: World
) -> None:
    admin = await signed_in(client_factory, world.admin)
    response = await admin.http.post("/api/trunks", json=trunk_body(**overrides))
    assert response.status_code == 422, response.text
    assert response.json()["errors"][0]["loc"] == ["body", field]
    assert message in response.json()["detail"]
    english = await admin.http.post(
        "/api/trunks", json=trunk_body(**overrides), headers={"Accept-Language": "en"}
    )
    assert field in english.json()["detail"]


async def test_names_are_unique_and_a_used_trunk_cannot_be_deleted(
    client_factory: ClientFactory, world: World, sessions: async_sessionmaker[AsyncSession]
) -> None:
    admin = await signed_in(client_factory, world.admin)
    body = trunk_body()
    trunk = (await admin.http.post("/api/trunks", json=body)).json()
    again = await admin.http.post("/api/trunks", json=trunk_body(name=body["name"].upper()))
    assert (again.status_code, again.json()["code"]) == (409, "trunk_name_taken")
    async with sessions() as db:
        await db.execute(
            sa.text("UPDATE users SET trunk_id = :t WHERE id = :u"), {"t": trunk["id"], "u": world.op2.id}
        )
        await db.commit()
    try:
        refused = await admin.http.delete(f"/api/trunks/{trunk['id']}")
        assert (refused.status_code, refused.json()["code"]) == (409, "trunk_in_use")
    finally:
        async with sessions() as db:
            await db.execute(sa.text("UPDATE users SET trunk_id = NULL WHERE id = :u"), {"u": world.op2.id})
            await db.commit()


async def test_only_admins_manage_trunks_supervisors_see_names(
    client_factory: ClientFactory, world: World
) -> None:
    """F-13 and ASVS 8.x: a supervisor or an operator gets 404 for every trunk write and read; a
    supervisor may list trunk names for a project's settings."""
    admin = await signed_in(client_factory, world.admin)
    trunk = (await admin.http.post("/api/trunks", json=trunk_body())).json()
    url = f"/api/trunks/{trunk['id']}"
    for user in (world.sup_a, world.op1):
        client = await signed_in(client_factory, user)
        assert (await client.http.post("/api/trunks", json=trunk_body())).status_code == 404
        assert (await client.http.patch(url, json={"is_active": False})).status_code == 404
        assert (await client.http.delete(url)).status_code == 404
        assert (await client.http.get(url)).status_code == 404
        assert (await client.http.get("/api/trunks")).status_code == 404
    supervisor = await signed_in(client_factory, world.sup_a)
    names = (await supervisor.http.get("/api/trunks/names")).json()
    assert {"id": trunk["id"], "name": trunk["name"], "is_active": True, "is_robot": False} in names
    operator = await signed_in(client_factory, world.op1)
    assert (await operator.http.get("/api/trunks/names")).status_code == 404
    assert (await admin.http.get(url)).json()["is_active"] is True
