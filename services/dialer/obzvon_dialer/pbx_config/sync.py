"""Keeps Asterisk's generated PJSIP files in step with the database (F-10, F-13).

Renders both files at start and after every ``pbx_config_changed``, writes them atomically, then asks
Asterisk to reload res_pjsip over the dialer's AMI connection. Requests are coalesced: a burst of
changes gives one render. A reload that could not be sent (AMI down) is retried once AMI is back.
Every dialer instance consumes its own queue, since each may write to its own Asterisk host.
"""

import asyncio
import contextlib
from dataclasses import dataclass
from typing import Any

import structlog
from obzvon_events import Envelope
from obzvon_events.pbx import PbxConfigChanged
from obzvon_platform.bus import Bus, Consumer, QueueSpec
from obzvon_platform.tasks import cancel_and_wait
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from obzvon_dialer.ami.connection import AmiConnection, AmiError
from obzvon_dialer.pbx_config import source
from obzvon_dialer.pbx_config.render import OPERATORS_FILE, TRUNKS_FILE, render_operators, render_trunks
from obzvon_dialer.pbx_config.settings import PbxConfigSettings
from obzvon_dialer.pbx_config.writer import write_atomically

log = structlog.get_logger(__name__)

RELOAD_COMMAND = "module reload res_pjsip.so"
RETRY_SECONDS = 2.0


def reload_action() -> dict[str, Any]:
    return {"Action": "Command", "Command": RELOAD_COMMAND}


@dataclass(frozen=True)
class Applied:
    """One finished pass: which files changed and what Asterisk answered (None: nothing to reload)."""

    generation: int
    changed: tuple[str, ...]
    reload_output: str | None


class PbxConfigSync:
    def __init__(
        self,
        settings: PbxConfigSettings,
        sessions: async_sessionmaker[AsyncSession],
        connection: AmiConnection,
        *,
        instance_id: str,
    ) -> None:
        self.settings = settings
        self.sessions = sessions
        self.connection = connection
        self.instance_id = instance_id
        self.requested = 0
        self.last: Applied | None = None
        self._wanted = asyncio.Event()
        self._applied = asyncio.Condition()
        self._reload_pending = False
        self._task: asyncio.Task[None] | None = None
        self._consumer: Consumer | None = None

    def consumer(self, bus: Bus) -> Consumer:
        spec = QueueSpec(
            f"dialer.pbx-config.{self.instance_id}@{bus.exchange_name}",
            (PbxConfigChanged.routing_key,),
            per_instance=True,
        )
        return Consumer(bus, spec, self.handle)

    async def handle(self, envelope: Envelope) -> None:
        if envelope.name == PbxConfigChanged.name:
            log.info("pbx_config.change_received", message_id=str(envelope.id))
            self.request()

    def request(self) -> int:
        """Ask for a render; returns the generation a later ``wait_applied`` can wait for."""
        self.requested += 1
        self._wanted.set()
        return self.requested

    async def start(self, bus: Bus | None = None) -> None:
        """Render once now (in the background), and follow ``pbx_config_changed`` when a bus is given."""
        self.request()
        self._task = asyncio.create_task(self._run(), name="pbx-config-sync")
        if bus is not None:
            self._consumer = self.consumer(bus)
            await self._consumer.start()

    async def stop(self) -> None:
        if self._consumer is not None:
            with contextlib.suppress(Exception):
                await self._consumer.stop()
            self._consumer = None
        task, self._task = self._task, None
        await cancel_and_wait(task)

    async def wait_applied(self, generation: int, within: float) -> Applied:
        """The first pass that covers ``generation`` (and sent its reload, if one was needed)."""

        def done() -> bool:
            return self.last is not None and self.last.generation >= generation

        async with self._applied:
            await asyncio.wait_for(self._applied.wait_for(done), within)
        assert self.last is not None
        return self.last

    async def _run(self) -> None:
        while True:
            await self._wanted.wait()
            self._wanted.clear()
            generation = self.requested
            try:
                changed = await self.render_and_write()
                output = await self._reload_when_connected()
            except asyncio.CancelledError:
                raise
            except Exception:
                log.exception("pbx_config.failed")
                await asyncio.sleep(RETRY_SECONDS)
                self._wanted.set()
                continue
            async with self._applied:
                self.last = Applied(generation, changed, output)
                self._applied.notify_all()

    async def render_and_write(self) -> tuple[str, ...]:
        """Regenerate both files from the database; the names of those whose content changed."""
        async with self.sessions() as session:
            objects = await source.load(session)
        files = {
            TRUNKS_FILE: render_trunks(objects.trunks),
            OPERATORS_FILE: render_operators(objects.operators),
        }
        group = self.settings.file_group
        changed: list[str] = []
        for name, text in files.items():
            path = self.settings.config_dir / name
            if await asyncio.to_thread(write_atomically, path, text, group=group):
                changed.append(name)
        if changed:
            self._reload_pending = True
        log.info("pbx_config.rendered", changed=list(changed), trunks=len(objects.trunks))
        return tuple(changed)

    async def _reload_when_connected(self) -> str | None:
        """Send the reload once AMI is up (new requests wait meanwhile); None when none is pending."""
        while self._reload_pending:
            try:
                await self.connection.wait_connected(RETRY_SECONDS * 5)
                reply = await self.connection.send_single(
                    reload_action(), within=self.settings.reload_timeout
                )
            except (AmiError, TimeoutError) as exc:
                log.warning("pbx_config.reload_deferred", error=str(exc))
                if self._wanted.is_set():
                    return None  # render the newer state first; the reload stays pending
                continue
            output = _output(reply)
            if not reply.success:
                log.error("pbx_config.reload_refused", output=output)
                raise AmiError(f"reload refused: {output}")
            self._reload_pending = False
            log.info("pbx_config.reloaded", output=output)
            return output
        return None


def _output(reply: Any) -> str:
    value = reply.get("Output", "") if hasattr(reply, "get") else ""
    if isinstance(value, list):
        return "\n".join(str(line) for line in value)
    return str(value)
