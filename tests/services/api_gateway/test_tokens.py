"""API tokens (F-05): shown once, stored hashed, act with the owner's scope, revocable."""

import sqlalchemy as sa
from obzvon_db.enums import UserRole
from obzvon_db.models import ApiToken
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from tests.services.api_gateway.conftest import ClientFactory
from tests.services.api_gateway.factories import World, add_user


def bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


async def test_token_authenticates_with_the_owners_scope_until_revoked(
    client_factory: ClientFactory, sessions: async_sessionmaker[AsyncSession], world: World
) -> None:
    owner = client_factory()
    await owner.login(world.sup_a.email)
    created = await owner.http.post("/api/tokens", json={"name": "reports export", "expires_in_days": 30})
    assert created.status_code == 201
    body = created.json()
    token = body["token"]
    assert token.startswith("obz_")
    assert token.startswith(body["prefix"])
    async with sessions() as db:
        stored = await db.scalar(sa.select(ApiToken).where(ApiToken.id == body["id"]))
    assert stored is not None
    assert token not in stored.token_hash
    assert len(stored.token_hash) == 64

    api = client_factory()
    me = await api.http.get("/api/auth/me", headers=bearer(token))
    assert me.json()["id"] == str(world.sup_a.id)
    assert (await api.http.get(f"/api/projects/{world.p1.id}", headers=bearer(token))).status_code == 200
    assert (await api.http.get(f"/api/projects/{world.p3.id}", headers=bearer(token))).status_code == 404
    listed = (await owner.http.get("/api/tokens")).json()
    assert [t["id"] for t in listed if t["id"] == body["id"]]
    assert all("token" not in t for t in listed)

    assert (await owner.http.delete(f"/api/tokens/{body['id']}")).status_code == 204
    revoked = await api.http.get("/api/auth/me", headers=bearer(token))
    assert revoked.status_code == 401
    assert revoked.headers["content-type"] == "application/problem+json"


async def test_tokens_are_private_and_cannot_mint_tokens(
    client_factory: ClientFactory, sessions: async_sessionmaker[AsyncSession]
) -> None:
    alice, bob = await add_user(sessions, UserRole.OPERATOR), await add_user(sessions, UserRole.OPERATOR)
    alice_client, bob_client = client_factory(), client_factory()
    await alice_client.login(alice.email)
    await bob_client.login(bob.email)
    token = (await alice_client.http.post("/api/tokens", json={"name": "mine"})).json()
    assert (await bob_client.http.delete(f"/api/tokens/{token['id']}")).status_code == 404
    assert token["id"] not in {t["id"] for t in (await bob_client.http.get("/api/tokens")).json()}
    minted = await client_factory().http.post(
        "/api/tokens", json={"name": "more"}, headers=bearer(token["token"])
    )
    assert minted.status_code == 403


async def test_garbage_and_disabled_owners_tokens_are_refused(
    client_factory: ClientFactory, sessions: async_sessionmaker[AsyncSession]
) -> None:
    owner = await add_user(sessions, UserRole.OPERATOR)
    client = client_factory()
    await client.login(owner.email)
    token = (await client.http.post("/api/tokens", json={"name": "x"})).json()["token"]
    api = client_factory()
    for value in ("obz_unknown", "eyJhbGciOiJub25lIn0.e30.", token + "x"):
        assert (await api.http.get("/api/auth/me", headers=bearer(value))).status_code == 401
    async with sessions() as db:
        await db.execute(sa.text("UPDATE users SET is_active = false WHERE id = :id"), {"id": owner.id})
        await db.commit()
    assert (await api.http.get("/api/auth/me", headers=bearer(token))).status_code == 401
