"""Sign-in, sign-out and login throttling (F-01; ASVS 6.1.1, 6.3.1, 7.4.1, 16.3)."""

import uuid

import sqlalchemy as sa
from obzvon_db.enums import UserRole
from obzvon_db.models import AuditLog
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from tests.services.api_gateway.conftest import ClientFactory
from tests.services.api_gateway.factories import add_user


async def audit_actions(sessions: async_sessionmaker[AsyncSession], user_id: uuid.UUID) -> list[str]:
    async with sessions() as db:
        rows = await db.scalars(
            sa.select(AuditLog.action).where(AuditLog.object_id == str(user_id)).order_by(AuditLog.id)
        )
        return list(rows)


async def test_login_sets_session_cookies_and_me_answers(
    client_factory: ClientFactory, sessions: async_sessionmaker[AsyncSession]
) -> None:
    """F-01: the session cookie is HttpOnly and SameSite=Lax; the CSRF cookie is readable by the page."""
    user = await add_user(sessions, UserRole.OPERATOR)
    client = client_factory()
    response = await client.login(user.email.upper())
    assert response.status_code == 200
    assert response.json() == {
        "id": str(user.id),
        "email": user.email,
        "full_name": user.full_name,
        "role": "operator",
        "extension": user.extension,
        "locale": "ru",
    }
    cookies = {c.split("=", 1)[0]: c.lower() for c in response.headers.get_list("set-cookie")}
    assert "httponly" in cookies["obzvon_session"]
    assert "samesite=lax" in cookies["obzvon_session"]
    assert "path=/" in cookies["obzvon_session"]
    assert "httponly" not in cookies["obzvon_csrf"]
    assert len(client.session_cookie) >= 22  # at least 128 bits, URL-safe base64
    me = await client.http.get("/api/auth/me")
    assert me.status_code == 200
    assert me.json()["id"] == str(user.id)
    assert await audit_actions(sessions, user.id) == ["auth.login"]


async def test_wrong_password_gives_401_and_an_audit_row(
    client_factory: ClientFactory, sessions: async_sessionmaker[AsyncSession], random_ip: str
) -> None:
    user = await add_user(sessions, UserRole.SUPERVISOR)
    client = client_factory(random_ip)
    response = await client.login(user.email, "not the password")
    assert response.status_code == 401
    assert response.headers["content-type"] == "application/problem+json"
    assert response.json()["code"] == "invalid_credentials"
    assert "set-cookie" not in response.headers
    assert await audit_actions(sessions, user.id) == ["auth.login_failed"]
    async with sessions() as db:
        row = await db.scalar(sa.select(AuditLog).where(AuditLog.object_id == str(user.id)))
    assert row is not None
    assert str(row.ip) == random_ip


async def test_unknown_email_and_disabled_user_get_the_same_answer(
    client_factory: ClientFactory, sessions: async_sessionmaker[AsyncSession], random_ip: str
) -> None:
    disabled = await add_user(sessions, UserRole.OPERATOR, is_active=False)
    client = client_factory(random_ip)
    unknown = await client.login("nobody-here@example.com")
    refused = await client.login(disabled.email)
    assert unknown.status_code == refused.status_code == 401
    assert unknown.json() == refused.json()


async def test_logout_ends_the_session(
    client_factory: ClientFactory, sessions: async_sessionmaker[AsyncSession]
) -> None:
    """F-01: after logout the old cookie gives 401 (ASVS 7.4.1)."""
    user = await add_user(sessions, UserRole.ADMIN)
    client = client_factory()
    assert (await client.login(user.email)).status_code == 200
    old_cookie = client.session_cookie
    response = await client.http.post("/api/auth/logout")
    assert response.status_code == 204
    replay = client_factory()
    replay.http.cookies.set("obzvon_session", old_cookie)
    assert (await replay.http.get("/api/auth/me")).status_code == 401
    assert await audit_actions(sessions, user.id) == ["auth.login", "auth.logout"]


async def test_a_new_login_replaces_the_session_it_came_with(
    client_factory: ClientFactory, sessions: async_sessionmaker[AsyncSession]
) -> None:
    user = await add_user(sessions, UserRole.OPERATOR)
    client = client_factory()
    await client.login(user.email)
    first = client.session_cookie
    await client.login(user.email)
    assert client.session_cookie != first
    replay = client_factory()
    replay.http.cookies.set("obzvon_session", first)
    assert (await replay.http.get("/api/auth/me")).status_code == 401


async def test_failed_logins_are_throttled_but_the_user_can_sign_in_from_elsewhere(
    client_factory: ClientFactory, sessions: async_sessionmaker[AsyncSession], random_ip: str
) -> None:
    """F-01: 20 bad logins give 429 with Retry-After; no lockout usable against the real user."""
    user = await add_user(sessions, UserRole.OPERATOR)
    attacker = client_factory(random_ip)
    statuses = [(await attacker.login(user.email, f"guess-{n}")).status_code for n in range(20)]
    assert statuses[:5] == [401] * 5
    assert set(statuses[5:]) == {429}
    throttled = await attacker.login(user.email)
    assert throttled.status_code == 429
    assert int(throttled.headers["retry-after"]) > 0
    assert throttled.json()["code"] == "too_many_login_attempts"
    real_user = client_factory("192.0.2.10")
    assert (await real_user.login(user.email)).status_code == 200


async def test_too_many_failures_from_one_address_throttle_every_account(
    client_factory: ClientFactory, sessions: async_sessionmaker[AsyncSession], random_ip: str
) -> None:
    user = await add_user(sessions, UserRole.OPERATOR)
    sprayer = client_factory(random_ip)
    for n in range(30):
        response = await sprayer.login(f"someone-{n}@example.com", "Password1")
        assert response.status_code == 401
    assert (await sprayer.login(user.email)).status_code == 429
