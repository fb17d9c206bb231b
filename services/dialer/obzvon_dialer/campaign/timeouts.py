"""The project's global call timeout (F-26 "глобальный таймаут"): a call is hung up this long after
it was originated, even while the client talks to an operator. One timer per live call, on the
monotonic clock (I5); a call that ends first cancels its timer."""

import asyncio
import uuid
from collections.abc import Callable, Coroutine
from typing import Any

import structlog
from obzvon_events.base import Event
from obzvon_events.calls import CallEnded

log = structlog.get_logger(__name__)


class GlobalTimeouts:
    def __init__(self, hang_up: Callable[[uuid.UUID], Coroutine[Any, Any, bool]]) -> None:
        self.hang_up = hang_up
        self._timers: dict[uuid.UUID, asyncio.TimerHandle] = {}
        self._tasks: set[asyncio.Task[bool]] = set()

    def start(self, call_id: uuid.UUID, seconds: float) -> None:
        loop = asyncio.get_running_loop()
        self._timers[call_id] = loop.call_later(seconds, self._expire, call_id)

    def _expire(self, call_id: uuid.UUID) -> None:
        self._timers.pop(call_id, None)
        log.info("call.global_timeout", call_id=str(call_id))
        task = asyncio.create_task(self.hang_up(call_id))
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    def observe(self, call_id: uuid.UUID, events: list[Event]) -> None:
        """``CallService`` hook: the call is over, its timer is not needed."""
        if any(isinstance(e, CallEnded) for e in events):
            timer = self._timers.pop(call_id, None)
            if timer is not None:
                timer.cancel()

    def cancel_all(self) -> None:
        for timer in self._timers.values():
            timer.cancel()
        self._timers.clear()

    def __len__(self) -> int:
        return len(self._timers)
