"""Project scope (F-02; ASVS 8.2): supervisors act only on their projects (others → 404), operators
read the projects they work in and never write."""

import pytest

from tests.services.api_gateway.conftest import ClientFactory
from tests.services.api_gateway.factories import World
from tests.services.api_gateway.projects.helpers import signed_in

ACTIONS = [
    ("GET", ""),
    ("PATCH", ""),
    ("POST", "/copy"),
    ("DELETE", ""),
    ("POST", "/activate"),
    ("POST", "/deactivate"),
    ("POST", "/start"),
    ("POST", "/stop"),
]


def _body(method: str) -> dict[str, object] | None:
    return {"script": {"script_html": "<p>x</p>"}} if method == "PATCH" else None


@pytest.mark.parametrize(("method", "suffix"), ACTIONS)
async def test_another_supervisors_project_is_not_found(
    method: str, suffix: str, client_factory: ClientFactory, world: World
) -> None:
    supervisor = await signed_in(client_factory, world.sup_b)
    response = await supervisor.http.request(
        method, f"/api/projects/{world.p1.id}{suffix}", json=_body(method)
    )
    assert response.status_code == 404
    assert response.json()["code"] == "not_found"


@pytest.mark.parametrize(("method", "suffix"), ACTIONS[1:])
async def test_an_operator_cannot_change_their_project(
    method: str, suffix: str, client_factory: ClientFactory, world: World
) -> None:
    operator = await signed_in(client_factory, world.op1)
    response = await operator.http.request(method, f"/api/projects/{world.p1.id}{suffix}", json=_body(method))
    assert response.status_code == 403
    foreign = await operator.http.request(method, f"/api/projects/{world.p3.id}{suffix}", json=_body(method))
    assert foreign.status_code == 404


async def test_an_operator_reads_their_project_without_integration_settings(
    client_factory: ClientFactory, world: World
) -> None:
    operator = await signed_in(client_factory, world.op1)
    body = (await operator.http.get(f"/api/projects/{world.p1.id}")).json()
    assert body["integration"] is None
    assert "script_html" in body["script"]
    listed = {p["id"] for p in (await operator.http.get("/api/projects")).json()}
    # Other tests of the package may add projects for op1's groups; P3 (op2's only) must never show.
    assert str(world.p1.id) in listed and str(world.p3.id) not in listed
