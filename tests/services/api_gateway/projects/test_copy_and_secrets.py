"""Copies are independent (A §5, F-20); integration passwords are write-only and encrypted (F-28)."""

import sqlalchemy as sa
from obzvon_db import secrets
from obzvon_db.enums import UserRole
from obzvon_db.models import ProjectIntegration
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from tests.services.api_gateway.conftest import ClientFactory
from tests.services.api_gateway.factories import World, add_project, add_user
from tests.services.api_gateway.projects.helpers import signed_in
from tests.services.api_gateway.projects.test_settings_saved import full_settings

PASSWORD = "b1trix-Secret-пароль"


async def test_a_copy_is_independent_of_the_original(
    client_factory: ClientFactory, sessions: async_sessionmaker[AsyncSession], world: World
) -> None:
    operator = await add_user(sessions, UserRole.OPERATOR)
    project = await add_project(sessions, "orig", [world.sup_a], [operator])
    supervisor = await signed_in(client_factory, world.sup_a)
    admin = await signed_in(client_factory, world.admin)
    url = f"/api/projects/{project.id}"
    group_id = (await admin.http.get(url)).json()["queue"]["group_ids"][0]
    settings = await full_settings(sessions, world, group_id, str(operator.id))
    settings["queue"]["supervisor_ids"] = [str(world.sup_a.id)]
    settings["integration"]["bitrix24"]["password"] = PASSWORD
    assert (await admin.http.patch(url, json=settings)).status_code == 200
    assert (await admin.http.post(f"{url}/start")).json()["is_running"] is True
    original = (await admin.http.get(url)).json()

    response = await supervisor.http.post(f"{url}/copy")
    assert response.status_code == 201, response.text
    copy = response.json()
    assert copy["name"] == "Полный проект (копия)"
    assert copy["id"] != original["id"]
    assert copy["is_running"] is False
    for tab in ("card_template", "schedule", "queue", "attempts", "script", "integration"):
        assert copy[tab] == original[tab], tab
    assert copy["integration"]["bitrix24"]["has_password"] is True

    copy_url = f"/api/projects/{copy['id']}"
    changes = {
        "project": {"name": "Копия изменена", "timezone": "Europe/Samara"},
        "card_template": {"custom_fields": []},
        "schedule": {"intervals": []},
        "queue": {"group_ids": [], "result_status_ids": [], "pinned_statuses": []},
        "attempts": {"retries": {"busy": {"intervals": "5", "attempts": 1}}},
        "integration": {"bitrix24": {"password": "", "host": "other.bitrix24.ru"}, "sms_templates": []},
    }
    assert (await admin.http.patch(copy_url, json=changes)).status_code == 200
    assert (await admin.http.get(url)).json() == original
    async with sessions() as db:
        rows = list(
            await db.scalars(sa.select(ProjectIntegration).where(ProjectIntegration.project_id == project.id))
        )
    assert secrets.decrypt(rows[0].secret_ciphertext or b"", rows[0].id) == PASSWORD


async def test_a_password_is_never_returned_and_stored_encrypted(
    client_factory: ClientFactory, sessions: async_sessionmaker[AsyncSession], world: World
) -> None:
    project = await add_project(sessions, "secret", [world.sup_a], [])
    admin = await signed_in(client_factory, world.admin)
    url = f"/api/projects/{project.id}"
    response = await admin.http.patch(
        url, json={"integration": {"bitrix24": {"login": "crm", "password": PASSWORD}}}
    )
    assert response.status_code == 200
    assert PASSWORD not in response.text
    fetched = await admin.http.get(url)
    assert PASSWORD not in fetched.text
    assert fetched.json()["integration"]["bitrix24"]["has_password"] is True
    assert "password" not in fetched.json()["integration"]["bitrix24"]
    async with sessions() as db:
        raw = (
            await db.execute(
                sa.text(
                    "SELECT id, settings::text, secret_ciphertext FROM project_integrations"
                    " WHERE project_id = :p"
                ),
                {"p": project.id},
            )
        ).one()
        audit_text = await db.scalar(
            sa.text(
                "SELECT string_agg(coalesce(before::text, '') || coalesce(after::text, ''), ' ')"
                " FROM audit_log"
            )
        )
    row_id, settings_text, ciphertext = raw
    assert PASSWORD not in settings_text
    assert PASSWORD.encode() not in bytes(ciphertext)
    assert PASSWORD not in (audit_text or "")
    assert secrets.decrypt(bytes(ciphertext), row_id) == PASSWORD
    kept = await admin.http.patch(url, json={"integration": {"bitrix24": {"login": "crm2"}}})
    assert kept.json()["integration"]["bitrix24"]["has_password"] is True
    cleared = await admin.http.patch(url, json={"integration": {"bitrix24": {"password": ""}}})
    assert cleared.json()["integration"]["bitrix24"]["has_password"] is False
