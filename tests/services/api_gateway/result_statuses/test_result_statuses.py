"""Result statuses (F-12): admins create, recolour and (de)activate; others read."""

import uuid

import pytest

from tests.services.api_gateway.conftest import ClientFactory
from tests.services.api_gateway.factories import World
from tests.services.api_gateway.projects.helpers import signed_in


async def test_admin_creates_renames_and_deactivates_a_status(
    client_factory: ClientFactory, world: World
) -> None:
    admin = await signed_in(client_factory, world.admin)
    name = f"Перезвон {uuid.uuid4().hex[:6]}"
    created = await admin.http.post("/api/result-statuses", json={"name": name, "colour": "#FF0000"})
    assert created.status_code == 201, created.text
    status = created.json()
    assert (status["name"], status["colour"], status["is_active"]) == (name, "#ff0000", True)
    again = await admin.http.post("/api/result-statuses", json={"name": name.upper()})
    assert (again.status_code, again.json()["code"]) == (409, "status_name_taken")
    url = f"/api/result-statuses/{status['id']}"
    updated = (await admin.http.patch(url, json={"is_active": False, "colour": "#00aa00"})).json()
    assert (updated["is_active"], updated["colour"]) == (False, "#00aa00")
    operator = await signed_in(client_factory, world.op1)
    assert status["id"] not in [s["id"] for s in (await operator.http.get("/api/result-statuses")).json()]
    supervisor = await signed_in(client_factory, world.sup_a)
    assert status["id"] in [s["id"] for s in (await supervisor.http.get("/api/result-statuses")).json()]


@pytest.mark.parametrize(
    ("body", "field", "message"),
    [
        ({"name": "   "}, "name", "Укажите название"),
        ({"name": "ok", "colour": "red"}, "colour", "#RRGGBB"),
        ({"name": "ok", "colour": "#12345"}, "colour", "#RRGGBB"),
    ],
)
async def test_bad_statuses_are_refused(
    body: dict[str, str], field: str, message: str, client_factory: ClientFactory, world: World
) -> None:
    admin = await signed_in(client_factory, world.admin)
    response = await admin.http.post("/api/result-statuses", json=body)
    assert response.status_code == 422
    assert response.json()["errors"][0]["loc"] == ["body", field]
    assert message in response.json()["detail"]


async def test_only_admins_write_statuses(client_factory: ClientFactory, world: World) -> None:
    for user in (world.sup_a, world.op1):
        client = await signed_in(client_factory, user)
        assert (await client.http.post("/api/result-statuses", json={"name": "x"})).status_code == 403
