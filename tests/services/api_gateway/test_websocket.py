"""WebSocket `/ws` (F-03, F-50; ASVS 4.4.2, 7.4): cookie auth, origin allowlist, heartbeat, live events,
and closing within 5 s when the session ends."""

import asyncio
import json
import time
import uuid
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

import pytest
from obzvon_db.enums import UserRole
from obzvon_events.notifications import NotificationCreated
from obzvon_gateway.context import GatewayContext
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker
from websockets.asyncio.client import ClientConnection, connect
from websockets.exceptions import ConnectionClosed, InvalidStatus

from tests.services.api_gateway.client import ORIGIN, ApiClient
from tests.services.api_gateway.conftest import ClientFactory
from tests.services.api_gateway.factories import World, add_project, add_user

REVOCATION_DEADLINE = 5.0


def open_socket(base_url: str, cookie: str | None, origin: str | None = ORIGIN) -> Any:
    headers = {"Cookie": f"obzvon_session={cookie}"} if cookie else {}
    return connect(f"{base_url}/ws", additional_headers=headers, origin=origin)  # type: ignore[arg-type]


async def close_code(ws: ClientConnection, within: float) -> int | None:
    """Wait for the server to close the socket; returns its close code."""
    async with asyncio.timeout(within):
        with pytest.raises(ConnectionClosed) as closed:
            while True:
                await ws.recv()
    return closed.value.rcvd.code if closed.value.rcvd else None


async def next_event(ws: ClientConnection, name: str, within: float = 10.0) -> dict[str, Any]:
    async with asyncio.timeout(within):
        while True:
            message = json.loads(await ws.recv())
            if message["type"] == "event" and message["event"]["name"] == name:
                return message["event"]


async def ping_pong(ws: ClientConnection) -> None:
    """The socket answers a ping with a pong (and had nothing else queued before it)."""
    await ws.send(json.dumps({"type": "ping"}))
    assert json.loads(await asyncio.wait_for(ws.recv(), 5)) == {"type": "pong"}


async def login(client_factory: ClientFactory, email: str) -> ApiClient:
    client = client_factory()
    assert (await client.login(email)).status_code == 200
    return client


@asynccontextmanager
async def two_sockets(
    ws_base_url: str, client_factory: ClientFactory, first: str, second: str
) -> AsyncIterator[tuple[ClientConnection, ClientConnection]]:
    """The sockets of two users (by e-mail), both open and answering, nothing queued on them yet."""
    one, two = await login(client_factory, first), await login(client_factory, second)
    async with (
        open_socket(ws_base_url, one.session_cookie) as one_ws,
        open_socket(ws_base_url, two.session_cookie) as two_ws,
    ):
        for ws in (one_ws, two_ws):
            await ping_pong(ws)
        yield one_ws, two_ws


async def test_a_foreign_origin_is_refused(
    ws_base_url: str, client_factory: ClientFactory, sessions: async_sessionmaker[AsyncSession]
) -> None:
    user = await add_user(sessions, UserRole.OPERATOR)
    client = await login(client_factory, user.email)
    with pytest.raises(InvalidStatus) as refused:
        async with open_socket(ws_base_url, client.session_cookie, origin="https://evil.example"):
            pass
    assert refused.value.response.status_code == 403


async def test_without_a_session_the_socket_is_closed_with_4401(ws_base_url: str) -> None:
    async with open_socket(ws_base_url, "not-a-session") as ws:
        assert await close_code(ws, 5) == 4401


async def test_ping_gets_pong_and_records_a_heartbeat(
    ws_base_url: str,
    client_factory: ClientFactory,
    sessions: async_sessionmaker[AsyncSession],
    gateway: GatewayContext,
) -> None:
    user = await add_user(sessions, UserRole.OPERATOR)
    client = await login(client_factory, user.email)
    before = time.time()
    async with open_socket(ws_base_url, client.session_cookie) as ws:
        await ping_pong(ws)
    key = gateway.resources.keys.key("heartbeat", user.id)
    stamp = await gateway.resources.redis.get(key)
    assert stamp is not None
    assert float(stamp) >= before
    assert 0 < await gateway.resources.redis.ttl(key) <= gateway.settings.ws_heartbeat_ttl_seconds


async def test_logout_closes_that_sessions_socket(
    ws_base_url: str, client_factory: ClientFactory, sessions: async_sessionmaker[AsyncSession]
) -> None:
    user = await add_user(sessions, UserRole.SUPERVISOR)
    client = await login(client_factory, user.email)
    async with open_socket(ws_base_url, client.session_cookie) as ws:
        assert (await client.http.post("/api/auth/logout")).status_code == 204
        assert await close_code(ws, REVOCATION_DEADLINE) == 4401


async def test_a_disabled_users_session_ends_and_socket_closes_within_5_s(
    ws_base_url: str, client_factory: ClientFactory, sessions: async_sessionmaker[AsyncSession], world: World
) -> None:
    """F-01/F-10: disabling an operator kills every session of theirs and closes their WebSocket."""
    operator = await add_user(sessions, UserRole.OPERATOR)
    await add_project(sessions, "disable", [world.sup_a], [operator])
    victim = await login(client_factory, operator.email)
    other_tab = await login(client_factory, operator.email)
    supervisor = await login(client_factory, world.sup_a.email)
    async with open_socket(ws_base_url, victim.session_cookie) as ws:
        started = time.monotonic()
        response = await supervisor.http.patch(f"/api/users/{operator.id}", json={"is_active": False})
        assert response.status_code == 200
        assert response.json()["is_active"] is False
        assert await close_code(ws, REVOCATION_DEADLINE) == 4401
        assert time.monotonic() - started < REVOCATION_DEADLINE
    assert (await victim.http.get("/api/auth/me")).status_code == 401
    assert (await other_tab.http.get("/api/auth/me")).status_code == 401
    assert (await client_factory().login(operator.email)).status_code == 401


async def test_a_session_removed_behind_the_gateways_back_is_noticed(
    ws_base_url: str,
    client_factory: ClientFactory,
    sessions: async_sessionmaker[AsyncSession],
    gateway: GatewayContext,
) -> None:
    """Without any revocation message, the periodic re-check closes the socket."""
    user = await add_user(sessions, UserRole.OPERATOR)
    client = await login(client_factory, user.email)
    async with open_socket(ws_base_url, client.session_cookie) as ws:
        await gateway.sessions.revoke_all(user.id)
        assert await close_code(ws, REVOCATION_DEADLINE) == 4401


async def test_state_change_reaches_the_admin_and_own_supervisor_only(
    ws_base_url: str, client_factory: ClientFactory, world: World
) -> None:
    """F-50: the operator's change goes through the outbox and the bus to live monitors in scope."""
    admin = await login(client_factory, world.admin.email)
    sup_a = await login(client_factory, world.sup_a.email)
    sup_b = await login(client_factory, world.sup_b.email)
    op1 = await login(client_factory, world.op1.email)
    async with (
        open_socket(ws_base_url, admin.session_cookie) as admin_ws,
        open_socket(ws_base_url, sup_a.session_cookie) as sup_a_ws,
        open_socket(ws_base_url, sup_b.session_cookie) as sup_b_ws,
        open_socket(ws_base_url, op1.session_cookie) as op1_ws,
    ):
        for ws in (admin_ws, sup_a_ws, sup_b_ws, op1_ws):  # every socket is registered once it answers
            await ws.send(json.dumps({"type": "ping"}))
            assert json.loads(await asyncio.wait_for(ws.recv(), 5))["type"] == "pong"
        target = (
            "dnd" if (await op1.http.get("/api/operators/me/state")).json()["state"] != "dnd" else "pause"
        )
        assert (await op1.http.put("/api/operators/me/state", json={"state": target})).status_code == 200
        for ws in (admin_ws, sup_a_ws, op1_ws):
            event = await next_event(ws, "operator_state_changed")
            assert event["data"]["operator_id"] == str(world.op1.id)
            assert event["data"]["state"] == target
            assert str(world.p1.id) in event["data"]["project_ids"]
        await ping_pong(sup_b_ws)


async def test_a_notification_reaches_only_its_recipient(
    ws_base_url: str, client_factory: ClientFactory, gateway: GatewayContext, world: World
) -> None:
    """F-03: the bell updates live: `notification_created` goes to the recipient's sockets only."""
    async with two_sockets(ws_base_url, client_factory, world.op1.email, world.op2.email) as (op1_ws, op2_ws):
        notification_id = uuid.uuid4()
        await gateway.bus.publish_event(
            NotificationCreated(
                user_id=world.op1.id, notification_id=notification_id, kind="task_due", title="Перезвонить"
            ),
            "tests",
        )
        event = await next_event(op1_ws, "notification_created")
        assert event["data"]["notification_id"] == str(notification_id)
        await ping_pong(op2_ws)
