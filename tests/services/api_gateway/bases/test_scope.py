"""Who manages bases (A §1.3, ASVS 8.2): admins every project, supervisors their own projects; another
supervisor's project is 404, an operator gets 403 on their project and 404 elsewhere (F-30..F-35)."""

from pathlib import Path
from typing import Any

import pytest
from obzvon_db.enums import UserRole
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from tests.services.api_gateway.bases.conftest import bases_url, csv_bytes, imported, stored_files, upload
from tests.services.api_gateway.client import ApiClient
from tests.services.api_gateway.conftest import ClientFactory
from tests.services.api_gateway.factories import World, add_project, add_user
from tests.services.api_gateway.projects.helpers import signed_in

CSV = csv_bytes([["Телефон"], ["79161239901"], ["79161239902"]])


async def attempts(client: ApiClient, project_id: str, base_id: str, upload_id: str) -> dict[str, int]:
    """The status of every base endpoint for ``client``."""
    base = bases_url(project_id, f"/{base_id}")
    calls: dict[str, Any] = {
        "upload": upload(client, project_id, "x.csv", CSV),
        "start": client.http.post(
            bases_url(project_id),
            json={"upload_id": upload_id, "mapping": {"Телефон": "phone"}},
        ),
        "list": client.http.get(bases_url(project_id)),
        "get": client.http.get(base),
        "errors": client.http.get(f"{base}/error-report"),
        "export": client.http.get(f"{base}/export", params={"kind": "not_called"}),
        "project_export": client.http.get(
            bases_url(project_id, "/export"),
            params={"kind": "unanswered", "format": "xlsx"},
        ),
        "remove_blacklisted": client.http.post(f"{base}/remove-blacklisted"),
    }
    return {name: (await call).status_code for name, call in calls.items()}


@pytest.fixture
async def loaded(
    client_factory: ClientFactory, sessions: async_sessionmaker[AsyncSession], world: World
) -> dict[str, Any]:
    """A project of supervisor A with operator 1, one imported base and one upload waiting."""
    project = await add_project(sessions, "bases-scope", [world.sup_a], [world.op1])
    owner = await signed_in(client_factory, world.sup_a)
    base = await imported(owner, project.id, "a.csv", CSV)
    pending = (await upload(owner, project.id, "b.csv", CSV)).json()
    return {"project_id": str(project.id), "base_id": base["id"], "upload_id": pending["upload_id"]}


async def test_another_supervisor_gets_404_everywhere_and_stores_nothing(
    client_factory: ClientFactory, world: World, loaded: dict[str, Any], uploads_dir: Path
) -> None:
    stranger = await signed_in(client_factory, world.sup_b)
    before = stored_files(uploads_dir)
    statuses = await attempts(stranger, **loaded)
    assert set(statuses.values()) == {404}, statuses
    assert stored_files(uploads_dir) == before


async def test_operators_get_403_on_their_project_and_404_elsewhere(
    client_factory: ClientFactory,
    sessions: async_sessionmaker[AsyncSession],
    world: World,
    loaded: dict[str, Any],
) -> None:
    member = await signed_in(client_factory, world.op1)
    assert set((await attempts(member, **loaded)).values()) == {403}
    outsider = await signed_in(client_factory, await add_user(sessions, UserRole.OPERATOR))
    assert set((await attempts(outsider, **loaded)).values()) == {404}


async def test_without_a_session_every_endpoint_is_401(
    client_factory: ClientFactory, loaded: dict[str, Any]
) -> None:
    assert set((await attempts(client_factory(), **loaded)).values()) == {401}


async def test_the_admin_manages_any_project(
    client_factory: ClientFactory, world: World, loaded: dict[str, Any]
) -> None:
    admin = await signed_in(client_factory, world.admin)
    statuses = await attempts(admin, **loaded)
    assert statuses == {
        "upload": 201, "start": 202, "list": 200, "get": 200, "errors": 200, "export": 200,
        "project_export": 200, "remove_blacklisted": 200,
    }  # fmt: skip


async def test_uploads_left_without_a_mapping_are_removed_after_a_day(
    client_factory: ClientFactory, sessions: async_sessionmaker[AsyncSession], world: World, uploads_dir: Path
) -> None:
    """Files of abandoned uploads do not pile up (152-FZ art. 5: no data kept beyond its purpose)."""
    project = await add_project(sessions, "bases-stale", [world.sup_a], [])
    owner = await signed_in(client_factory, world.sup_a)
    old = (await upload(owner, project.id, "old.csv", CSV)).json()
    async with sessions() as db:
        stored = await db.scalar(
            text("UPDATE contact_bases SET created_at = now() - interval '25 hours' WHERE id = :id "
                 "RETURNING stored_name"),
            {"id": old["upload_id"]},
        )  # fmt: skip
        await db.commit()
    assert stored in stored_files(uploads_dir)
    assert (await upload(owner, project.id, "new.csv", CSV)).status_code == 201
    assert stored not in stored_files(uploads_dir)
    started = await owner.http.post(
        bases_url(project.id), json={"upload_id": old["upload_id"], "mapping": {"Телефон": "phone"}}
    )
    assert started.status_code == 404
