"""One AMI client connection: banner, sequential action processing, ordered writes, timers."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from typing import TYPE_CHECKING

from obzvon_pbx_sim.ami.framing import Frame, FrameParser
from obzvon_pbx_sim.ami.message import AmiMessage
from obzvon_pbx_sim.ami.permissions import ALL

if TYPE_CHECKING:
    from obzvon_pbx_sim.ami.server import AmiServer

log = logging.getLogger(__name__)

AMI_VERSION = "9.0.0"  # Asterisk 20 (include/asterisk/manager.h)
BANNER = f"Asterisk Call Manager/{AMI_VERSION}\r\n".encode()


class AmiSession:
    def __init__(self, server: AmiServer, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        self.server = server
        self.reader = reader
        self.writer = writer
        self.authenticated = False
        self.username = ""
        self.challenge = ""
        self.read_perm: frozenset[str] = ALL
        self.event_mask: frozenset[str] = ALL
        self.peer = writer.get_extra_info("peername")
        self._out: asyncio.Queue[bytes | None] = asyncio.Queue()
        self._closing = False
        self._started = time.monotonic()

    @property
    def closing(self) -> bool:
        return self._closing

    async def run(self) -> None:
        writer_task = asyncio.create_task(self._write_loop())
        self._out.put_nowait(BANNER)
        try:
            await self._read_loop()
        except (ConnectionError, asyncio.IncompleteReadError):
            pass
        finally:
            self._closing = True
            self._out.put_nowait(None)
            done, _ = await asyncio.wait({writer_task}, timeout=self.server.config.write_timeout + 1.0)
            if not done:
                writer_task.cancel()
                with contextlib.suppress(asyncio.CancelledError, ConnectionError):
                    await writer_task
            self._close_transport()

    async def _read_loop(self) -> None:
        parser = FrameParser()
        faults = self.server.faults
        while not self._closing:
            data = await self._read_some()
            if not data:
                return
            await faults.wait_flowing()
            for frame in parser.feed(data):
                await self._handle(frame)
                if self._closing:
                    return

    async def _read_some(self) -> bytes:
        if self.authenticated:
            return await self.reader.read(65536)
        remaining = self.server.config.auth_timeout - (time.monotonic() - self._started)
        if remaining <= 0:
            log.info("AMI client %s failed to authenticate in time", self.peer)
            return b""
        try:
            return await asyncio.wait_for(self.reader.read(65536), remaining)
        except TimeoutError:
            log.info("AMI client %s failed to authenticate in time", self.peer)
            return b""

    async def _handle(self, frame: Frame) -> None:
        try:
            await self.server.dispatcher.dispatch(self, frame)
        except Exception:
            log.exception("AMI action failed: %r", frame.message)

    # -- output ---------------------------------------------------------------------------------

    def send(self, message: AmiMessage) -> None:
        if not self._closing:
            self._out.put_nowait(message.encode())

    def send_bytes(self, data: bytes) -> None:
        if not self._closing:
            self._out.put_nowait(data)

    def wants(self, category: str) -> bool:
        return self.authenticated and category in self.event_mask and category in self.read_perm

    async def _write_loop(self) -> None:
        faults = self.server.faults
        timeout = self.server.config.write_timeout
        while True:
            data = await self._out.get()
            if data is None:
                break
            await faults.wait_flowing()
            if self.writer.is_closing():
                break
            self.writer.write(data)
            try:
                await asyncio.wait_for(self.writer.drain(), timeout)
            except TimeoutError:
                # manager.c: a client that does not read within writetimeout is disconnected.
                log.warning("AMI client %s too slow to read; disconnecting", self.peer)
                self._closing = True
                self.abort()
                break
            except ConnectionError:
                self._closing = True
                break
        with contextlib.suppress(ConnectionError):
            if not self.writer.is_closing():
                await self.writer.drain()
        if self._closing:
            # Closing our side also ends the read loop, which may be waiting for input.
            self._close_transport()

    # -- closing --------------------------------------------------------------------------------

    def close_after_flush(self) -> None:
        """Finish writing what is queued, then close (Logoff, failed login)."""
        self._closing = True
        self._out.put_nowait(None)

    def abort(self) -> None:
        """Drop the TCP connection at once."""
        self._closing = True
        transport = self.writer.transport
        if not transport.is_closing():
            transport.abort()

    def _close_transport(self) -> None:
        if not self.writer.is_closing():
            self.writer.close()
