"""Feeds AMI events to the call service one at a time, in wire order.

AMI events arrive synchronously from the protocol; they are queued here and applied by one worker,
so two events of a call never race. When Postgres is unavailable the worker keeps the event and
retries with a back-off (F2), while new events wait in the buffer (bounded: beyond ``capacity`` the
oldest are dropped and the reconciler settles what they would have told).
"""

import asyncio
import contextlib
from collections.abc import Mapping
from typing import Any

import structlog
from obzvon_platform.tasks import cancel_and_wait
from sqlalchemy.exc import DBAPIError, OperationalError

from obzvon_dialer.calls.service import CallService
from obzvon_dialer.calls.signals import CallSignal
from obzvon_dialer.calls.translator import translate
from obzvon_dialer.metrics import AMI_EVENTS_DROPPED

log = structlog.get_logger(__name__)

#: Errors of an unavailable database: retried for as long as it takes.
TRANSIENT_ERRORS = (OperationalError, DBAPIError, OSError, TimeoutError)
#: Any other error is a bug in handling this one signal: give up on it after this many tries.
MAX_TRIES_ON_BUG = 3


class EventPump:
    def __init__(
        self,
        service: CallService,
        *,
        capacity: int = 20_000,
        min_backoff: float = 0.2,
        max_backoff: float = 5.0,
    ) -> None:
        self.service = service
        self.capacity = capacity
        self.min_backoff = min_backoff
        self.max_backoff = max_backoff
        self._queue: asyncio.Queue[CallSignal] = asyncio.Queue()
        self._task: asyncio.Task[None] | None = None

    def push(self, message: Mapping[str, Any]) -> None:
        """Called for every AMI event (from the protocol, synchronously)."""
        signal = translate(message)
        if signal is None:
            return  # nothing about our calls
        if self._queue.qsize() >= self.capacity:
            with contextlib.suppress(asyncio.QueueEmpty):
                self._queue.get_nowait()
                self._queue.task_done()
            AMI_EVENTS_DROPPED.inc()
            log.error("ami.event_buffer_full", capacity=self.capacity)
        self._queue.put_nowait(signal)

    def start(self) -> None:
        if self._task is None or self._task.done():
            self._task = asyncio.create_task(self._run(), name="ami-event-pump")

    async def stop(self) -> None:
        task, self._task = self._task, None
        await cancel_and_wait(task)

    async def drain(self) -> None:
        """Return once every event received so far has been applied."""
        await self._queue.join()

    async def drain_for(self, seconds: float) -> None:
        """``drain()``, giving up after ``seconds`` (on shutdown)."""
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(self.drain(), seconds)

    @property
    def backlog(self) -> int:
        return self._queue.qsize()

    async def _run(self) -> None:
        while True:
            signal = await self._queue.get()
            try:
                await self._apply(signal)
            finally:
                self._queue.task_done()

    async def _apply(self, signal: CallSignal) -> None:
        backoff = self.min_backoff
        tries = 0
        while True:
            tries += 1
            try:
                await self.service.apply(signal)
                return
            except asyncio.CancelledError:
                raise
            except TRANSIENT_ERRORS as exc:
                log.warning(
                    "call.signal_retry", call_id=str(signal.attempt_id), error=repr(exc), retry_in=backoff
                )
            except Exception:
                log.exception("call.signal_failed", call_id=str(signal.attempt_id), signal=signal.kind.value)
                if tries >= MAX_TRIES_ON_BUG:
                    return
            await asyncio.sleep(backoff)
            backoff = min(self.max_backoff, backoff * 2)
