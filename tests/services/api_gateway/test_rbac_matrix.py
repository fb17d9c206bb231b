"""Cross-scope matrix (F-02; ASVS 8.2, 8.3): admin, supervisor A {P1, P2}, supervisor B {P3},
operator 1 in P1, operator 2 in P3. Anything outside the caller's scope answers 404, never 403."""

from collections.abc import AsyncIterator

import pytest
from fastapi import FastAPI

from tests.services.api_gateway.client import ApiClient
from tests.services.api_gateway.factories import World

# (who, url template, expected status); ids are filled from the World.
MATRIX = [
    ("admin", "/api/users/{op1}", 200),
    ("admin", "/api/users/{sup_b}", 200),
    ("admin", "/api/projects/{p3}", 200),
    ("admin", "/api/operators/{op2}/state", 200),
    ("sup_a", "/api/users/{op1}", 200),
    ("sup_a", "/api/users/{sup_a}", 200),
    ("sup_a", "/api/users/{op2}", 404),
    ("sup_a", "/api/users/{sup_b}", 404),
    ("sup_a", "/api/users/{admin}", 404),
    ("sup_a", "/api/projects/{p1}", 200),
    ("sup_a", "/api/projects/{p2}", 200),
    ("sup_a", "/api/projects/{p3}", 404),
    ("sup_a", "/api/operators/{op1}/state", 200),
    ("sup_a", "/api/operators/{op2}/state", 404),
    ("sup_b", "/api/users/{op2}", 200),
    ("sup_b", "/api/users/{op1}", 404),
    ("sup_b", "/api/projects/{p1}", 404),
    ("sup_b", "/api/projects/{p3}", 200),
    ("sup_b", "/api/operators/{op1}/state", 404),
    ("sup_b", "/api/operators/{op2}/state", 200),
    ("op1", "/api/users/{op1}", 200),
    ("op1", "/api/users/{op2}", 404),
    ("op1", "/api/users/{sup_a}", 404),
    ("op1", "/api/projects/{p1}", 200),
    ("op1", "/api/projects/{p3}", 404),
    ("op1", "/api/operators/{op1}/state", 200),
    ("op1", "/api/operators/{op2}/state", 404),
    ("op2", "/api/projects/{p1}", 404),
    ("op2", "/api/operators/{op1}/state", 404),
]

ROLES = ("admin", "sup_a", "sup_b", "op1", "op2")


@pytest.fixture(scope="module")
async def clients(world: World, gateway_app: FastAPI) -> AsyncIterator[dict[str, ApiClient]]:
    """One signed-in client per member of the World."""
    signed_in: dict[str, ApiClient] = {}
    for who in ROLES:
        signed_in[who] = ApiClient(gateway_app)
        assert (await signed_in[who].login(getattr(world, who).email)).status_code == 200
    yield signed_in
    for client in signed_in.values():
        await client.close()


def ids(world: World) -> dict[str, str]:
    return {
        name: str(getattr(world, name).id)
        for name in ("admin", "sup_a", "sup_b", "op1", "op2", "p1", "p2", "p3")
    }


@pytest.mark.parametrize(("who", "url", "expected"), MATRIX)
async def test_object_reads_in_and_out_of_scope(
    who: str, url: str, expected: int, world: World, clients: dict[str, ApiClient]
) -> None:
    client = clients[who]
    response = await client.http.get(url.format(**ids(world)))
    assert response.status_code == expected, response.text
    if expected == 404:
        assert response.json()["code"] == "not_found"


LISTS = [
    # (who, url, key, must include, must exclude)
    ("admin", "/api/users", "id", {"admin", "sup_a", "sup_b", "op1", "op2"}, set()),
    ("sup_a", "/api/users", "id", {"sup_a", "op1"}, {"admin", "sup_b", "op2"}),
    ("sup_b", "/api/users", "id", {"sup_b", "op2"}, {"admin", "sup_a", "op1"}),
    ("op1", "/api/users", "id", {"op1"}, {"admin", "sup_a", "sup_b", "op2"}),
    ("admin", "/api/projects", "id", {"p1", "p2", "p3"}, set()),
    ("sup_a", "/api/projects", "id", {"p1", "p2"}, {"p3"}),
    ("sup_b", "/api/projects", "id", {"p3"}, {"p1", "p2"}),
    ("op1", "/api/projects", "id", {"p1"}, {"p2", "p3"}),
    ("admin", "/api/operators/states", "operator_id", {"op1", "op2"}, {"admin", "sup_a"}),
    ("sup_a", "/api/operators/states", "operator_id", {"op1"}, {"op2"}),
    ("sup_b", "/api/operators/states", "operator_id", {"op2"}, {"op1"}),
    ("op2", "/api/operators/states", "operator_id", {"op2"}, {"op1"}),
]


@pytest.mark.parametrize(("who", "url", "key", "include", "exclude"), LISTS)
async def test_lists_are_scoped(
    who: str,
    url: str,
    key: str,
    include: set[str],
    exclude: set[str],
    world: World,
    clients: dict[str, ApiClient],
) -> None:
    client = clients[who]
    response = await client.http.get(url)
    assert response.status_code == 200
    seen = {item[key] for item in response.json()}
    known = ids(world)
    assert {known[name] for name in include} <= seen
    assert not {known[name] for name in exclude} & seen


async def test_notifications_are_private(world: World, clients: dict[str, ApiClient]) -> None:
    op1 = clients["op1"]
    admin = clients["admin"]
    listed = {n["id"] for n in (await op1.http.get("/api/notifications")).json()}
    assert str(world.n1.id) in listed
    assert str(world.n2.id) not in listed
    assert (await op1.http.post(f"/api/notifications/{world.n2.id}/read")).status_code == 404
    assert (await admin.http.post(f"/api/notifications/{world.n1.id}/read")).status_code == 404
    assert (await op1.http.post(f"/api/notifications/{world.n1.id}/read")).status_code == 204
    unread = (await op1.http.get("/api/notifications", params={"unread_only": True})).json()
    assert str(world.n1.id) not in {n["id"] for n in unread}


async def test_field_rules_on_user_updates(world: World, clients: dict[str, ApiClient]) -> None:
    """An operator cannot write their own role; a supervisor cannot change roles or edit others' users."""
    op1 = clients["op1"]
    sup_a = clients["sup_a"]
    sup_b = clients["sup_b"]
    own_role = await op1.http.patch(f"/api/users/{world.op1.id}", json={"role": "admin"})
    assert own_role.status_code == 403
    assert (await op1.http.patch(f"/api/users/{world.op1.id}", json={"is_active": False})).status_code == 403
    assert (await op1.http.patch(f"/api/users/{world.op2.id}", json={"full_name": "X"})).status_code == 404
    unknown_field = await op1.http.patch(f"/api/users/{world.op1.id}", json={"project_id": str(world.p3.id)})
    assert unknown_field.status_code == 422
    promote = await sup_a.http.patch(f"/api/users/{world.op1.id}", json={"role": "supervisor"})
    assert promote.status_code == 403
    assert (await sup_b.http.patch(f"/api/users/{world.op1.id}", json={"full_name": "X"})).status_code == 404
    me = (await op1.http.get("/api/auth/me")).json()
    assert me["role"] == "operator"
