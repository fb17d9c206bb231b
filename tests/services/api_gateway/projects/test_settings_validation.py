"""Every settings tab refuses bad values with a 422 naming the field, in Russian and English (F-22..F-26)."""

from typing import Any

import pytest

from tests.services.api_gateway.client import ApiClient
from tests.services.api_gateway.conftest import ClientFactory
from tests.services.api_gateway.factories import World
from tests.services.api_gateway.projects.helpers import create_project, signed_in

# (PATCH body, field path after "body", fragment of the Russian message)
CASES: list[tuple[str, dict[str, Any], list[str], str]] = [
    ("empty name", {"project": {"name": "  "}}, ["project", "name"], "Укажите название"),
    (
        "end before start",
        {"project": {"starts_on": "2030-05-10", "ends_on": "2030-05-01"}},
        ["project", "ends_on"],
        "Дата конца",
    ),
    ("unknown zone", {"project": {"timezone": "Mars/Olympus"}}, ["project", "timezone"], "Часовой пояс"),
    (
        "bad window time",
        {"project": {"client_window_start": "9:00"}},
        ["project", "client_window_start"],
        "ЧЧ:ММ",
    ),
    ("window 25:00", {"project": {"client_window_end": "25:00"}}, ["project", "client_window_end"], "ЧЧ:ММ"),
    (
        "window order",
        {"project": {"client_window_start": "21:00", "client_window_end": "09:00"}},
        ["project", "client_window_end"],
        "раньше конца",
    ),
    ("caller id letters", {"project": {"caller_id": "74951234abc"}}, ["project", "caller_id"], "CallerID"),
    ("caller id short", {"project": {"caller_id": "12"}}, ["project", "caller_id"], "от 3 до 15"),
    (
        "card key",
        {"card_template": {"custom_fields": [{"key": "Bad Key", "label": "x"}]}},
        ["card_template", "custom_fields", "0", "key"],
        "Ключ поля",
    ),
    (
        "card key fixed",
        {"card_template": {"custom_fields": [{"key": "phone", "label": "x"}]}},
        ["card_template", "custom_fields", "0", "key"],
        "уже есть",
    ),
    (
        "card key twice",
        {"card_template": {"custom_fields": [{"key": "a", "label": "x"}, {"key": "a", "label": "y"}]}},
        ["card_template", "custom_fields", "1", "key"],
        "уже есть",
    ),
    (
        "weekday 7",
        {"schedule": {"intervals": [{"weekday": 7, "start": "09:00", "end": "10:00"}]}},
        ["schedule", "intervals", "0", "weekday"],
        "День недели",
    ),
    (
        "interval order",
        {"schedule": {"intervals": [{"weekday": 0, "start": "18:00", "end": "09:00"}]}},
        ["schedule", "intervals", "0"],
        "Начало интервала",
    ),
    (
        "overlap",
        {
            "schedule": {
                "intervals": [
                    {"weekday": 1, "start": "09:00", "end": "13:00"},
                    {"weekday": 1, "start": "12:00", "end": "18:00"},
                ]
            }
        },
        ["schedule", "intervals", "1"],
        "пересекаются",
    ),
    ("queue timeout 0", {"queue": {"queue_timeout_s": 0}}, ["queue", "queue_timeout_s"], "Таймаут очереди"),
    (
        "operator timeout huge",
        {"queue": {"operator_timeout_s": 100000}},
        ["queue", "operator_timeout_s"],
        "Таймаут оператора",
    ),
    (
        "unknown group",
        {"queue": {"group_ids": ["00000000-0000-0000-0000-000000000001"]}},
        ["queue", "group_ids"],
        "Группа",
    ),
    (
        "unknown status",
        {"queue": {"result_status_ids": ["00000000-0000-0000-0000-000000000001"]}},
        ["queue", "result_status_ids"],
        "Статусы операторов",
    ),
    ("dial timeout", {"attempts": {"dial_timeout_s": -1}}, ["attempts", "dial_timeout_s"], "Таймаут набора"),
    (
        "no lines",
        {"attempts": {"max_concurrent_calls": 0}},
        ["attempts", "max_concurrent_calls"],
        "одновременных",
    ),
    ("percent 101", {"attempts": {"predictive_percent": 101}}, ["attempts", "predictive_percent"], "Процент"),
    ("max attempts", {"attempts": {"max_attempts": 0}}, ["attempts", "max_attempts"], "попыток"),
    (
        "interval text",
        {"attempts": {"retries": {"busy": {"intervals": "15;abc;60", "attempts": 3}}}},
        ["attempts", "retries", "busy", "intervals"],
        "интервал №2 «abc»",
    ),
    (
        "interval zero",
        {"attempts": {"retries": {"lost": {"intervals": "0;5", "attempts": 3}}}},
        ["attempts", "retries", "lost", "intervals"],
        "Потерян: интервал №1 «0»",
    ),
    (
        "intervals empty",
        {"attempts": {"retries": {"no_answer": {"intervals": " ", "attempts": 3}}}},
        ["attempts", "retries", "no_answer", "intervals"],
        "через ;",
    ),
    (
        "retry attempts",
        {"attempts": {"retries": {"machine": {"intervals": "60", "attempts": 101}}}},
        ["attempts", "retries", "machine", "attempts"],
        "Количество попыток",
    ),
    (
        "bitrix host",
        {"integration": {"bitrix24": {"host": "http://bad host"}}},
        ["integration", "bitrix24", "host"],
        "Bitrix хост",
    ),
]


@pytest.fixture
async def admin(client_factory: ClientFactory, world: World) -> ApiClient:
    return await signed_in(client_factory, world.admin)


@pytest.mark.parametrize(("body", "loc", "message"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
async def test_a_bad_setting_is_refused_with_its_field(
    admin: ApiClient, body: dict[str, Any], loc: list[str], message: str
) -> None:
    project = await create_project(admin)
    url = f"/api/projects/{project['id']}"
    response = await admin.http.patch(url, json=body)
    assert response.status_code == 422, response.text
    problem = response.json()
    assert ["body", *loc] in [e["loc"] for e in problem["errors"]]
    assert message in problem["detail"]
    english = await admin.http.patch(url, json=body, headers={"Accept-Language": "en"})
    assert ".".join(loc) in english.json()["detail"] or loc[-1] in english.json()["detail"]
    assert (await admin.http.get(url)).json() == project


async def test_a_valid_tab_is_not_saved_when_another_tab_is_invalid(admin: ApiClient) -> None:
    project = await create_project(admin)
    url = f"/api/projects/{project['id']}"
    body = {"script": {"script_html": "<p>new</p>"}, "queue": {"queue_timeout_s": 0}}
    assert (await admin.http.patch(url, json=body)).status_code == 422
    assert (await admin.http.get(url)).json()["script"]["script_html"] == ""


async def test_unknown_fields_are_refused(admin: ApiClient) -> None:
    project = await create_project(admin)
    response = await admin.http.patch(
        f"/api/projects/{project['id']}", json={"project": {"dialer_instance": "x"}}
    )
    assert response.status_code == 422
