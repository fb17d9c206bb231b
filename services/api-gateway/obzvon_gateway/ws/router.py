"""WebSocket `/ws`: live events for the signed-in user, authenticated by the session cookie.

The client may send `{"type": "ping"}`; the answer is `{"type": "pong"}`, the session's idle timer
restarts and the user's heartbeat is recorded in Redis. Events arrive as `{"type": "event", "event": …}`.
Close codes: 4401 the session ended (sign in again), 4403 the page's origin is not allowed.
"""

import asyncio
import contextlib
import json
import time

from fastapi import APIRouter, WebSocket, WebSocketDisconnect
from obzvon_platform.logging import get_logger

from obzvon_gateway.auth.cookies import SESSION_COOKIE
from obzvon_gateway.auth.dependencies import resolve_session
from obzvon_gateway.context import GatewayContext
from obzvon_gateway.deps import get_gateway
from obzvon_gateway.security.csrf import origin_allowed
from obzvon_gateway.ws.hub import CLOSE_FORBIDDEN_ORIGIN, CLOSE_SESSION_ENDED, Connection

router = APIRouter()
log = get_logger(__name__)


async def _authenticate(websocket: WebSocket, gateway: GatewayContext) -> Connection | None:
    cookie = websocket.cookies.get(SESSION_COOKIE)
    if not cookie:
        return None
    async with gateway.resources.sessions() as db:
        principal = await resolve_session(cookie, db, gateway)
    if principal is None or principal.session is None:
        return None
    return Connection(principal.user_id, principal.role, principal.session.key_hash)


async def _record_heartbeat(connection: Connection, gateway: GatewayContext) -> None:
    """`heartbeat:<user id>` = the time of the last sign of life (queue-router reads it)."""
    await gateway.resources.redis.set(
        gateway.resources.keys.key("heartbeat", connection.user_id),
        repr(time.time()),
        ex=gateway.settings.ws_heartbeat_ttl_seconds,
    )


async def _read(websocket: WebSocket, connection: Connection, gateway: GatewayContext) -> None:
    while True:
        frame = await websocket.receive()
        if frame["type"] == "websocket.disconnect":
            return
        try:
            message = json.loads(frame.get("text") or "")
        except ValueError:
            continue
        if not isinstance(message, dict) or message.get("type") != "ping":
            continue
        connection.send({"type": "pong"})
        session = await gateway.sessions.load_by_hash(connection.session_hash, touch=True)
        if session is None:
            connection.close(CLOSE_SESSION_ENDED)
            return
        await _record_heartbeat(connection, gateway)


async def _write(websocket: WebSocket, connection: Connection) -> None:
    while True:
        message = await connection.outgoing.get()
        await websocket.send_json(message)


async def _watch_session(connection: Connection, gateway: GatewayContext) -> None:
    """Backstop for lost revocation messages: re-check the session every few seconds."""
    while True:
        await asyncio.sleep(gateway.settings.ws_session_check_seconds)
        if await gateway.sessions.load_by_hash(connection.session_hash, touch=False) is None:
            connection.close(CLOSE_SESSION_ENDED)
            return


async def _serve(websocket: WebSocket, connection: Connection, gateway: GatewayContext) -> None:
    tasks = [
        asyncio.create_task(_read(websocket, connection, gateway)),
        asyncio.create_task(_write(websocket, connection)),
        asyncio.create_task(_watch_session(connection, gateway)),
        asyncio.create_task(connection.closing.wait()),
    ]
    try:
        done, _ = await asyncio.wait(tasks, return_when=asyncio.FIRST_COMPLETED)
    finally:
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
    for task in done:
        error = None if task.cancelled() else task.exception()
        if error is not None and not isinstance(error, WebSocketDisconnect):
            log.info("ws.connection_failed", user_id=str(connection.user_id), error=repr(error))
    if connection.close_code is not None:
        with contextlib.suppress(Exception):
            await websocket.close(connection.close_code)


@router.websocket("/ws")
async def live_events(websocket: WebSocket) -> None:
    gateway = get_gateway(websocket)
    origin = websocket.headers.get("origin")
    if origin is not None and not origin_allowed(origin, gateway.settings.allowed_origins):
        await websocket.close(CLOSE_FORBIDDEN_ORIGIN)
        return
    connection = await _authenticate(websocket, gateway)
    await websocket.accept()
    if connection is None:
        await websocket.close(CLOSE_SESSION_ENDED)
        return
    gateway.hub.add(connection)
    try:
        await _record_heartbeat(connection, gateway)
        await _serve(websocket, connection, gateway)
    finally:
        gateway.hub.remove(connection)
