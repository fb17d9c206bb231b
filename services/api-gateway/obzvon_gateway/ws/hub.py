"""The open WebSockets of this gateway instance, by user, each with a bounded send queue."""

import asyncio
import uuid
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from obzvon_db.enums import UserRole

#: Close codes the SPA acts on.
CLOSE_SESSION_ENDED = 4401
CLOSE_FORBIDDEN_ORIGIN = 4403
CLOSE_TOO_SLOW = 4408
CLOSE_GOING_AWAY = 1001
SEND_QUEUE_SIZE = 256


@dataclass(eq=False)
class Connection:
    """One socket: who it belongs to, what waits to be sent, and why it must close (if it must)."""

    user_id: uuid.UUID
    role: UserRole
    session_hash: str
    outgoing: asyncio.Queue[dict[str, Any]] = field(
        default_factory=lambda: asyncio.Queue(maxsize=SEND_QUEUE_SIZE)
    )
    closing: asyncio.Event = field(default_factory=asyncio.Event)
    close_code: int | None = None

    def send(self, message: dict[str, Any]) -> None:
        """Queue a message; a client too slow to keep up is disconnected rather than slowing others."""
        try:
            self.outgoing.put_nowait(message)
        except asyncio.QueueFull:
            self.close(CLOSE_TOO_SLOW)

    def close(self, code: int) -> None:
        if self.close_code is None:
            self.close_code = code
            self.closing.set()


class Hub:
    def __init__(self) -> None:
        self._by_user: dict[uuid.UUID, set[Connection]] = {}

    def add(self, connection: Connection) -> None:
        self._by_user.setdefault(connection.user_id, set()).add(connection)

    def remove(self, connection: Connection) -> None:
        connections = self._by_user.get(connection.user_id)
        if connections is not None:
            connections.discard(connection)
            if not connections:
                del self._by_user[connection.user_id]

    def connections(self) -> list[Connection]:
        return [c for connections in self._by_user.values() for c in connections]

    def is_connected(self, user_id: uuid.UUID) -> bool:
        """Whether the user has a socket open on this instance."""
        return user_id in self._by_user

    def connected_users(self, role: UserRole | None = None) -> set[uuid.UUID]:
        return {c.user_id for c in self.connections() if role is None or c.role == role}

    def send_to_users(self, user_ids: Iterable[uuid.UUID], message: dict[str, Any]) -> int:
        sent = 0
        for user_id in set(user_ids):
            for connection in list(self._by_user.get(user_id, ())):
                connection.send(message)
                sent += 1
        return sent

    def close_user(self, user_id: uuid.UUID, code: int, session_hash: str | None = None) -> int:
        """Close the user's sockets (only those of one session when `session_hash` is given)."""
        closed = 0
        for connection in list(self._by_user.get(user_id, ())):
            if session_hash is None or connection.session_hash == session_hash:
                connection.close(code)
                closed += 1
        return closed

    def close_all(self, code: int = CLOSE_GOING_AWAY) -> None:
        for connection in self.connections():
            connection.close(code)
