"""A panoramisk ``Manager`` that never reconnects or re-sends on its own.

panoramisk 1.4 reconnects every ``reconnect_timeout`` seconds by itself and re-sends every action
still waiting for a reply after the next ``FullyBooted`` — an ``Originate`` among them would dial a
contact twice. Here the owner (``AmiConnection``) decides when to reconnect, with a back-off, and
actions lost with a connection are failed, never replayed.
"""

import asyncio
from collections.abc import Callable
from typing import Any

from panoramisk import Manager

#: Actions panoramisk must never queue for a replay after a reconnect.
FORGETTABLE_ACTIONS = (
    "ping",
    "login",
    "logoff",
    "originate",
    "redirect",
    "hangup",
    "bridge",
    "setvar",
    "mixmonitor",
    "coreshowchannels",
    "events",
)
#: panoramisk's own fire-and-forget ping is replaced by the watchdog: push it out of the way.
NO_OWN_PING = 10**7


class OneShotManager(Manager):
    """Connects once per ``connect()``; reports a lost connection through ``on_lost``."""

    def __init__(self, on_lost: Callable[[], None], **config: Any) -> None:
        config.setdefault("forgetable_actions", FORGETTABLE_ACTIONS)
        config.setdefault("ping_delay", NO_OWN_PING)
        config.setdefault("ping_interval", NO_OWN_PING)
        super().__init__(**config)
        self._on_lost = on_lost

    def connection_made(self, f: "asyncio.Future[Any]") -> None:
        if f.cancelled() or f.exception() is not None:
            return  # the caller awaiting connect() sees the error and decides about retrying
        super().connection_made(f)

    def connection_lost(self, exc: object) -> None:
        self._connected = False
        pinger = getattr(self, "pinger", None)
        if pinger is not None:
            pinger.cancel()
            self.pinger = None
        self.awaiting_actions.clear()
        self._on_lost()

    @property
    def is_open(self) -> bool:
        protocol = self.protocol
        return protocol is not None and not getattr(protocol, "closed", True)

    def abort(self) -> None:
        """Drop the TCP connection at once (a silent peer never closes it for us)."""
        protocol = self.protocol
        transport = getattr(protocol, "transport", None)
        if transport is not None and not transport.is_closing():
            transport.abort()
