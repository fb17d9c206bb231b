"""Valid settings of every tab are saved and read back grouped by tab, with an audit row (F-22..F-28)."""

import uuid
from typing import Any

import sqlalchemy as sa
from obzvon_db.enums import UserRole
from obzvon_db.models import AuditLog, ResultStatus
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from tests.services.api_gateway.client import ApiClient
from tests.services.api_gateway.conftest import ClientFactory
from tests.services.api_gateway.factories import World, add_project, add_user
from tests.services.api_gateway.projects.helpers import add_trunk, signed_in


async def add_status(sessions: async_sessionmaker[AsyncSession], *, active: bool = True) -> ResultStatus:
    async with sessions() as db:
        status = ResultStatus(name=f"Статус {uuid.uuid4().hex[:8]}", colour="#00ff00", is_active=active)
        db.add(status)
        await db.commit()
        return status


async def full_settings(
    sessions: async_sessionmaker[AsyncSession], world: World, group_id: str, operator: str
) -> dict[str, Any]:
    trunk = await add_trunk(sessions)
    status = await add_status(sessions)
    return {
        "project": {
            "name": "Полный проект",
            "show_numbers": False,
            "amd_enabled": True,
            "robot_enabled": True,
            "starts_on": "2030-01-01",
            "ends_on": "2030-12-31",
            "timezone": "Asia/Yekaterinburg",
            "client_window_start": "10:00",
            "client_window_end": "20:30",
            "caller_id": "+74951234567",
            "trunk_id": str(trunk.id),
            "call_from_end": True,
        },
        "card_template": {
            "custom_fields": [
                {
                    "key": "extra_info",
                    "label": "Дополнительная информация",
                    "field_type": "textarea",
                    "position": 2,
                },
                {"key": "contract_no", "label": "Договор", "is_required": True, "position": 1},
            ]
        },
        "schedule": {
            "intervals": [
                {"weekday": 0, "start": "09:00", "end": "13:00"},
                {"weekday": 0, "start": "14:00", "end": "18:00"},
                {"weekday": 6, "start": "10:00", "end": "16:00"},
            ]
        },
        "queue": {
            "group_ids": [group_id],
            "queue_timeout_s": 44,
            "operator_timeout_s": 12,
            "strategy": "least_recent",
            "auto_answer": True,
            "music_on_hold": False,
            "supervisor_ids": [str(world.sup_b.id)],
            "result_status_ids": [str(status.id)],
            "pinned_statuses": [{"result_status_id": str(status.id), "operator_id": operator}],
        },
        "attempts": {
            "dial_timeout_s": 40,
            "global_timeout_s": 600,
            "max_concurrent_calls": 25,
            "dial_mode": "predictive",
            "predictive_percent": 7,
            "max_attempts": 9,
            "retries": {
                "busy": {"intervals": "15;60;1440;60", "attempts": 5},
                "no_answer": {"intervals": "240; 1380 ;162", "attempts": 3},
            },
        },
        "script": {"script_html": '<p onclick="steal()">Здравствуйте, {name}!<script>alert(1)</script></p>'},
        "integration": {
            "bitrix24": {
                "is_enabled": True,
                "host": "company.bitrix24.ru",
                "login": "crm",
                "source_id": "CALL",
            },
            "sms_templates": [{"name": "Напоминание", "body": "Ждём вас, {name}"}],
        },
    }


async def test_every_tab_is_saved_and_read_back(
    client_factory: ClientFactory, sessions: async_sessionmaker[AsyncSession], world: World
) -> None:
    operator = await add_user(sessions, UserRole.OPERATOR)
    project = await add_project(sessions, "full", [world.sup_a], [operator])
    admin = await signed_in(client_factory, world.admin)
    url = f"/api/projects/{project.id}"
    group_id = (await admin.http.get(url)).json()["queue"]["group_ids"][0]
    settings = await full_settings(sessions, world, group_id, str(operator.id))
    response = await admin.http.patch(url, json=settings)
    assert response.status_code == 200, response.text
    body = (await admin.http.get(url)).json()
    assert body == response.json()
    tab = body["project"]
    assert {k: tab[k] for k in settings["project"]} == settings["project"]
    assert [f["key"] for f in body["card_template"]["custom_fields"]] == ["contract_no", "extra_info"]
    assert [(i["weekday"], i["start"], i["end"]) for i in body["schedule"]["intervals"]] == [
        (0, "09:00", "13:00"),
        (0, "14:00", "18:00"),
        (6, "10:00", "16:00"),
    ]
    queue = body["queue"]
    assert {k: queue[k] for k in settings["queue"]} == settings["queue"]
    attempts = body["attempts"]
    assert attempts["retries"] == {
        "busy": {"intervals": "15;60;1440;60", "attempts": 5},
        "no_answer": {"intervals": "240;1380;162", "attempts": 3},
    }
    assert (attempts["dial_mode"], attempts["predictive_percent"], attempts["global_timeout_s"]) == (
        "predictive",
        7,
        600,
    )
    assert body["script"]["script_html"] == "<p>Здравствуйте, {name}!</p>"
    assert body["integration"]["bitrix24"]["host"] == "company.bitrix24.ru"
    assert body["integration"]["sms_templates"] == [
        {"name": "Напоминание", "subject": None, "body": "Ждём вас, {name}"}
    ]
    async with sessions() as db:
        audit = await db.scalar(
            sa.select(AuditLog).where(
                AuditLog.object_id == str(project.id), AuditLog.action == "project.settings_changed"
            )
        )
    assert audit is not None and audit.before is not None and audit.after is not None
    assert audit.before["queue"]["queue_timeout_s"] == 60
    assert audit.after["queue"]["queue_timeout_s"] == 44


async def test_one_tab_leaves_the_others_alone(
    client_factory: ClientFactory, world: World, sessions: async_sessionmaker[AsyncSession]
) -> None:
    project = await add_project(sessions, "one-tab", [world.sup_a], [])
    supervisor = await signed_in(client_factory, world.sup_a)
    url = f"/api/projects/{project.id}"
    before = (await supervisor.http.get(url)).json()
    after = (await supervisor.http.patch(url, json={"attempts": {"global_timeout_s": 120}})).json()
    assert after["attempts"]["global_timeout_s"] == 120
    assert {k: v for k, v in after.items() if k != "attempts"} == {
        k: v for k, v in before.items() if k != "attempts"
    }
    off = (await supervisor.http.patch(url, json={"attempts": {"global_timeout_s": None}})).json()
    assert off["attempts"]["global_timeout_s"] is None


async def test_task_to_operator_needs_an_operator_of_the_project(
    client_factory: ClientFactory, sessions: async_sessionmaker[AsyncSession], world: World
) -> None:
    """F-25: contacts in status S go to operator U, who must work in the project's groups."""
    project = await add_project(sessions, "pinned", [world.sup_a], [])
    status = await add_status(sessions)
    admin = await signed_in(client_factory, world.admin)
    pin = {"result_status_id": str(status.id), "operator_id": str(world.op2.id)}
    response = await admin.http.patch(
        f"/api/projects/{project.id}", json={"queue": {"pinned_statuses": [pin]}}
    )
    assert response.status_code == 422
    assert response.json()["errors"][0]["loc"] == ["body", "queue", "pinned_statuses", "0", "operator_id"]


async def test_inactive_statuses_and_non_supervisors_are_refused(
    client_factory: ClientFactory, sessions: async_sessionmaker[AsyncSession], world: World
) -> None:
    project = await add_project(sessions, "refs", [world.sup_a], [])
    inactive = await add_status(sessions, active=False)
    admin: ApiClient = await signed_in(client_factory, world.admin)
    url = f"/api/projects/{project.id}"
    response = await admin.http.patch(url, json={"queue": {"result_status_ids": [str(inactive.id)]}})
    assert response.status_code == 422
    response = await admin.http.patch(url, json={"queue": {"supervisor_ids": [str(world.op1.id)]}})
    assert response.json()["errors"][0]["loc"] == ["body", "queue", "supervisor_ids"]
    supervisor = await signed_in(client_factory, world.sup_a)
    response = await supervisor.http.patch(url, json={"queue": {"supervisor_ids": [str(world.sup_a.id)]}})
    assert response.status_code == 403
