"""The AMI listener: accepts clients, fans events out to them, and injects connection faults."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from typing import Any, Protocol

from obzvon_pbx_sim.ami.framing import Frame
from obzvon_pbx_sim.ami.message import AmiMessage
from obzvon_pbx_sim.ami.permissions import privilege
from obzvon_pbx_sim.ami.session import AmiSession
from obzvon_pbx_sim.clock import SimClock
from obzvon_pbx_sim.config import SimConfig
from obzvon_pbx_sim.faults import FaultState

log = logging.getLogger(__name__)


class Dispatcher(Protocol):
    async def dispatch(self, session: AmiSession, frame: Frame) -> None: ...


class _NoActions:
    async def dispatch(self, session: AmiSession, frame: Frame) -> None:
        session.send(AmiMessage([("Response", "Error"), ("Message", "Permission denied")]))


class AmiServer:
    def __init__(self, config: SimConfig, clock: SimClock, faults: FaultState) -> None:
        self.config = config
        self.clock = clock
        self.faults = faults
        self.dispatcher: Dispatcher = _NoActions()
        self.sessions: set[AmiSession] = set()
        self.port = config.port
        self._server: asyncio.Server | None = None
        self._tasks: set[asyncio.Task[Any]] = set()

    @property
    def running(self) -> bool:
        return self._server is not None

    async def start(self) -> None:
        if self._server is not None:
            return
        self._server = await asyncio.start_server(self._accept, self.config.host, self.port)
        self.port = self._server.sockets[0].getsockname()[1]
        log.info("AMI listening on %s:%s", self.config.host, self.port)

    async def stop(self) -> None:
        """Stop listening and drop every client (Asterisk going down)."""
        server, self._server = self._server, None
        if server is not None:
            server.close()
        self.close_clients()
        if server is not None:
            with contextlib.suppress(Exception):
                await asyncio.wait_for(server.wait_closed(), 2.0)
        tasks = list(self._tasks)
        if tasks:
            await asyncio.wait(tasks, timeout=2.0)

    async def _accept(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        session = AmiSession(self, reader, writer)
        self.sessions.add(session)
        task = asyncio.current_task()
        if task is not None:
            self._tasks.add(task)
        try:
            await session.run()
        finally:
            self.sessions.discard(session)
            if task is not None:
                self._tasks.discard(task)

    # -- faults ---------------------------------------------------------------------------------

    def close_clients(self) -> int:
        """Close every client socket at once (F4a). Returns how many were closed."""
        sessions = list(self.sessions)
        for session in sessions:
            session.abort()
        return len(sessions)

    def send_shutdown(self, restart: bool = True) -> None:
        """Tell clients Asterisk is shutting down (F4c); the connections are closed after it."""
        event = AmiMessage([("Event", "Shutdown"), ("Privilege", privilege("system"))])
        event.add("Shutdown", "Cleanly").add("Restart", "True" if restart else "False")
        for session in list(self.sessions):
            if session.wants("system"):
                session.send(event)
            session.close_after_flush()

    # -- events ---------------------------------------------------------------------------------

    def emit(self, category: str, event: AmiMessage) -> None:
        """Send an event to every logged-in client whose mask includes its class.

        The event carries `Event` then `Privilege`; `Timestamp` (timestampevents=yes) and
        `SystemName` are inserted here, right after `Privilege`, as manager.c does.
        """
        wire = event.copy()
        extra: list[tuple[str, str]] = []
        if self.config.timestamp_events:
            stamp = self.clock.epoch() + self.faults.chaos.timestamp_skew
            extra.append(("Timestamp", f"{stamp:.6f}"))
        if self.config.system_name:
            extra.append(("SystemName", self.config.system_name))
        for offset, (name, value) in enumerate(extra):
            wire.headers.insert(2 + offset, (name, value))
        copies = self.faults.chaos.copies(self.faults.rng)
        if copies == 0:
            return
        data = wire.encode() * copies
        for session in list(self.sessions):
            if session.wants(category):
                session.send_bytes(data)
