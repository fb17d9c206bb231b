"""CSRF defence and security headers (ASVS 3.4, 3.5, 14.3.2)."""

from pathlib import Path

from asgi_lifespan import LifespanManager
from obzvon_db.enums import UserRole
from obzvon_gateway.main import create_app
from obzvon_gateway.settings import GatewaySettings
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from tests.services.api_gateway.client import ApiClient
from tests.services.api_gateway.conftest import ClientFactory
from tests.services.api_gateway.factories import FAST_HASHER, World, add_user


async def signed_in(client_factory: ClientFactory, sessions: async_sessionmaker[AsyncSession]) -> ApiClient:
    user = await add_user(sessions, UserRole.OPERATOR)
    client = client_factory()
    assert (await client.login(user.email)).status_code == 200
    return client


async def test_state_change_without_or_with_a_wrong_csrf_token_is_refused(
    client_factory: ClientFactory, sessions: async_sessionmaker[AsyncSession]
) -> None:
    client = await signed_in(client_factory, sessions)
    body = {"state": "pause"}
    missing = await client.http.put("/api/operators/me/state", json=body, headers={"X-CSRF-Token": ""})
    assert missing.status_code == 403
    assert missing.json()["code"] == "csrf_token"
    wrong = await client.http.put("/api/operators/me/state", json=body, headers={"X-CSRF-Token": "forged"})
    assert wrong.status_code == 403
    # Header equal to a planted cookie is still refused: it must match the token kept in the session.
    client.http.cookies.set("obzvon_csrf", "planted")
    planted = await client.http.put("/api/operators/me/state", json=body, headers={"X-CSRF-Token": "planted"})
    assert planted.status_code == 403
    assert planted.json()["code"] == "csrf_token"


async def test_a_foreign_origin_or_referer_is_refused(
    client_factory: ClientFactory, sessions: async_sessionmaker[AsyncSession]
) -> None:
    """A cross-site form POST gives 403 even with a valid token, and so does a login from another site."""
    client = await signed_in(client_factory, sessions)
    foreign = await client.http.post("/api/auth/logout", headers={"Origin": "https://evil.example"})
    assert foreign.status_code == 403
    assert foreign.json()["code"] == "csrf_origin"
    by_referer = await client.http.post("/api/auth/logout", headers={"Referer": "https://evil.example/x"})
    assert by_referer.status_code == 403
    login = await client_factory().http.post(
        "/api/auth/login", json={"email": "a@example.com", "password": "x"}, headers={"Origin": "null"}
    )
    assert login.status_code == 403
    assert (await client.http.get("/api/auth/me")).status_code == 200  # the session survived
    same_origin = await client.http.post("/api/auth/logout", headers={"Origin": "http://127.0.0.1:8000"})
    assert same_origin.status_code == 204


async def test_api_token_requests_need_no_csrf_token(
    client_factory: ClientFactory, sessions: async_sessionmaker[AsyncSession]
) -> None:
    client = await signed_in(client_factory, sessions)
    created = await client.http.post("/api/tokens", json={"name": "ci"})
    token = created.json()["token"]
    api = client_factory()
    response = await api.http.put(
        "/api/operators/me/state",
        json={"state": "pause"},
        headers={"Authorization": f"Bearer {token}", "Origin": "https://tool.example"},
    )
    assert response.status_code == 200


async def test_get_on_a_mutating_url_is_405(client_factory: ClientFactory) -> None:
    client = client_factory()
    for url in ("/api/auth/logout", "/api/auth/login", "/api/notifications/x/read"):
        response = await client.http.get(url)
        assert response.status_code == 405, url
        assert response.headers["content-type"] == "application/problem+json"


async def test_security_headers_on_every_route(
    client_factory: ClientFactory, sessions: async_sessionmaker[AsyncSession], world: World
) -> None:
    client = await signed_in(client_factory, sessions)
    urls = [
        "/api/auth/me",
        "/api/users",
        f"/api/users/{world.op2.id}",
        "/api/projects",
        "/api/operators/states",
        "/api/notifications",
        "/api/tokens",
        "/api/nowhere",
        "/openapi.json",
        "/healthz",
        "/some/page",
    ]
    for url in urls:
        response = await client.http.get(url)
        headers = response.headers
        assert "frame-ancestors 'none'" in headers["content-security-policy"], url
        assert headers["x-content-type-options"] == "nosniff", url
        assert headers["referrer-policy"] == "same-origin", url
        assert "strict-transport-security" not in headers, url
        if url.startswith("/api"):
            assert headers["cache-control"] == "no-store", url


async def test_hsts_and_secure_cookies_when_served_over_https(
    gateway_settings: GatewaySettings, sessions: async_sessionmaker[AsyncSession], tmp_path: Path
) -> None:
    settings = gateway_settings.model_copy(update={"cookie_secure": True})
    user = await add_user(sessions, UserRole.ADMIN)
    app = create_app(settings, hasher=FAST_HASHER)
    async with LifespanManager(app):
        client = ApiClient(app)
        response = await client.login(user.email)
        await client.close()
    assert response.status_code == 200
    assert response.headers["strict-transport-security"].startswith("max-age=31536000")
    for cookie in response.headers.get_list("set-cookie"):
        assert "secure" in cookie.lower()
