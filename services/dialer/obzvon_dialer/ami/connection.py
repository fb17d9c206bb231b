"""One supervised AMI connection: login, a ping watchdog, reconnects with back-off, and actions that
are sent at most once.

- ``run()`` connects, logs in, then watches the link: a Ping every ``ping_interval`` that is not
  answered within ``ping_timeout`` means the peer went silent (a black-holed TCP connection never
  closes by itself), so the transport is aborted and the loop reconnects after a growing back-off.
- Every AMI event is handed to ``on_event`` in wire order (synchronously, from the protocol).
- After every successful login ``on_connected`` runs (the reconciler, I2/I4).
- ``send()`` fails fast when there is no connection, and fails the waiting caller when the connection
  is lost before the reply: an action is never queued for a replay (see ``OneShotManager``).
"""

import asyncio
import time
from collections.abc import Awaitable, Callable
from typing import Any

import structlog
from obzvon_platform.tasks import cancel_and_wait
from panoramisk.message import Message

from obzvon_dialer.ami.manager import OneShotManager
from obzvon_dialer.metrics import AMI_CONNECTED, AMI_RECONNECTS
from obzvon_dialer.settings import AmiSettings

log = structlog.get_logger(__name__)

EventHandler = Callable[[Message], None]
ConnectedHandler = Callable[[], Awaitable[None]]


class AmiError(RuntimeError):
    """An AMI action could not be completed."""


class AmiNotConnectedError(AmiError):
    """There is no logged-in AMI connection right now (or it was lost before the reply came)."""


class AmiConnectionLostError(AmiError):
    """The action was written but the connection was lost before its reply: its effect is unknown."""


class AmiLoginError(AmiError):
    """Asterisk refused the username or secret."""


class AmiConnection:
    def __init__(
        self, settings: AmiSettings, on_event: EventHandler, on_connected: ConnectedHandler | None = None
    ) -> None:
        self.settings = settings
        self.on_event = on_event
        self.on_connected = on_connected
        self._manager: OneShotManager | None = None
        self._lost = asyncio.Event()
        self._logged_in = False
        self._stopping = False
        self._pending: set[asyncio.Future[Any]] = set()
        self._state_changed = asyncio.Condition()
        self._task: asyncio.Task[None] | None = None
        self.connections = 0
        self.last_loss_detected: float | None = None

    # -- lifecycle ----------------------------------------------------------------------------

    def start(self) -> None:
        if self._task is None or self._task.done():
            self._stopping = False
            self._task = asyncio.create_task(self.run(), name="ami-connection")

    async def stop(self) -> None:
        self._stopping = True
        manager = self._manager
        if manager is not None:
            manager.close()
        self._lost.set()
        task, self._task = self._task, None
        await cancel_and_wait(task)
        await self._set_logged_in(False)

    @property
    def connected(self) -> bool:
        """Logged in and not known to be lost."""
        return self._logged_in and self._manager is not None and self._manager.is_open

    async def wait_connected(self, within: float) -> None:
        async with self._state_changed:
            await asyncio.wait_for(self._state_changed.wait_for(lambda: self._logged_in), within)

    async def wait_reconnected(self, previous: int, within: float) -> None:
        """Wait for a login after the ``previous``-th one (``connections`` counts them)."""
        async with self._state_changed:
            await asyncio.wait_for(
                self._state_changed.wait_for(lambda: self._logged_in and self.connections > previous), within
            )

    async def wait_disconnected(self, within: float) -> None:
        async with self._state_changed:
            await asyncio.wait_for(self._state_changed.wait_for(lambda: not self._logged_in), within)

    async def run(self) -> None:
        backoff = self.settings.reconnect_min
        while not self._stopping:
            try:
                await self._connect_once()
            except asyncio.CancelledError:
                raise
            except Exception as exc:
                log.warning("ami.connect_failed", error=repr(exc), retry_in=backoff)
                self._drop()
                await asyncio.sleep(backoff)
                backoff = min(self.settings.reconnect_max, backoff * 2)
                continue
            backoff = self.settings.reconnect_min
            await self._serve()
            if not self._stopping:
                AMI_RECONNECTS.inc()
                await asyncio.sleep(self.settings.reconnect_min)

    # -- one connection -------------------------------------------------------------------------

    async def _connect_once(self) -> None:
        # Each connection reports its loss on its own event: a late report of an old one is harmless.
        lost = self._lost = asyncio.Event()
        settings = self.settings
        manager = OneShotManager(
            lost.set,
            host=settings.host,
            port=settings.port,
            username=settings.user,
            secret=settings.secret,
            events="on",
            loop=asyncio.get_running_loop(),
        )
        manager.register_event("*", self._dispatch)
        self._manager = manager
        async with asyncio.timeout(settings.login_timeout):
            await manager.connect()
            login = manager.authenticated_future
            if login is None:
                raise AmiNotConnectedError("the connection closed before the login")
            reply = await asyncio.shield(login)
        if not reply.success:
            raise AmiLoginError(str(reply.get("Message") or "login refused"))

    async def _serve(self) -> None:
        self.connections += 1
        await self._set_logged_in(True)
        log.info("ami.connected", host=self.settings.host, port=self.settings.port)
        watchdog = asyncio.create_task(self._watch(), name="ami-watchdog")
        if self.on_connected is not None:
            connected = asyncio.create_task(self._after_connect(), name="ami-after-connect")
        try:
            await self._lost.wait()
        finally:
            watchdog.cancel()
            if self.on_connected is not None:
                connected.cancel()
            await self._set_logged_in(False)
            self._fail_pending()
        log.warning("ami.disconnected")

    async def _after_connect(self) -> None:
        assert self.on_connected is not None
        try:
            await self.on_connected()
        except asyncio.CancelledError:
            raise
        except Exception:
            log.exception("ami.after_connect_failed")

    async def _watch(self) -> None:
        """Ping; a missing Pong means the peer is gone even though TCP says nothing."""
        settings = self.settings
        while True:
            await asyncio.sleep(settings.ping_interval)
            started = time.monotonic()
            try:
                await self.send({"Action": "Ping"}, within=settings.ping_timeout)
            except (TimeoutError, AmiError):
                log.error("ami.ping_unanswered", waited=round(time.monotonic() - started, 3))
                self.last_loss_detected = time.monotonic()
                self._drop()
                return

    def _drop(self) -> None:
        manager = self._manager
        if manager is not None:
            manager.abort()
        self._lost.set()

    def _dispatch(self, _manager: object, message: Message) -> None:
        self.on_event(message)

    async def _set_logged_in(self, value: bool) -> None:
        self._logged_in = value
        AMI_CONNECTED.set(1 if value else 0)
        async with self._state_changed:
            self._state_changed.notify_all()

    # -- actions --------------------------------------------------------------------------------

    async def send(self, action: dict[str, Any], *, within: float | None = None) -> Any:
        """Send one action and return its reply (a list of messages for list actions). Raises
        ``AmiNotConnectedError`` without a connection, ``TimeoutError`` after ``within`` seconds."""
        return await self._send(action, None, within)

    async def send_single(self, action: dict[str, Any], *, within: float | None = None) -> Message:
        """Send an action whose reply is its one response, even ``Originate`` with ``Async``: the
        ``OriginateResponse`` that follows then reaches ``on_event`` like any other event."""
        reply: Message = await self._send(action, False, within)
        return reply

    async def _send(self, action: dict[str, Any], as_list: bool | None, within: float | None) -> Any:
        manager = self._manager
        if manager is None or not manager.is_open or not self._logged_in:
            raise AmiNotConnectedError(f"cannot send {action['Action']}: not connected")
        future: asyncio.Future[Any] = manager.send_action(dict(action), as_list=as_list)
        self._pending.add(future)
        future.add_done_callback(self._pending.discard)
        return await asyncio.wait_for(future, within or self.settings.action_timeout)

    def _fail_pending(self) -> None:
        for future in list(self._pending):
            if not future.done():
                future.set_exception(AmiConnectionLostError("the AMI connection was lost"))
        self._pending.clear()
