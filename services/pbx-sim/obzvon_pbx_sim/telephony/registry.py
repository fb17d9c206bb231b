"""Live channels and the counters that name them."""

from __future__ import annotations

import itertools
import time

from obzvon_pbx_sim.telephony.channel import Channel

MAX_UNIQUEID = 149  # AST_MAX_PUBLIC_UNIQUEID


class ChannelRegistry:
    def __init__(self) -> None:
        self._channels: dict[str, Channel] = {}
        self._uniqueid_counter = itertools.count()
        self._name_counter = itertools.count()

    def next_uniqueid(self) -> str:
        """`%li.%d`: epoch seconds and a global counter, e.g. `1700000000.42`."""
        return f"{int(time.time())}.{next(self._uniqueid_counter)}"

    def next_name(self, endpoint: str) -> str:
        """`PJSIP/<endpoint>-%08x`, the counter shared by every channel."""
        return f"PJSIP/{endpoint}-{next(self._name_counter):08x}"

    def add(self, chan: Channel) -> None:
        self._channels[chan.uniqueid] = chan

    def remove(self, chan: Channel) -> None:
        self._channels.pop(chan.uniqueid, None)

    def uniqueid_in_use(self, uniqueid: str) -> bool:
        return uniqueid in self._channels

    def find(self, name_or_id: str) -> Channel | None:
        """By channel name or Uniqueid, without regard to case (ast_channel_get_by_name)."""
        if not name_or_id:
            return None
        direct = self._channels.get(name_or_id)
        if direct is not None:
            return direct
        wanted = name_or_id.lower()
        for chan in self._channels.values():
            if chan.name.lower() == wanted or chan.uniqueid.lower() == wanted:
                return chan
        return None

    def all(self) -> list[Channel]:
        return list(self._channels.values())

    def of_endpoint(self, endpoint: str) -> list[Channel]:
        return [chan for chan in self._channels.values() if chan.endpoint == endpoint]

    def __len__(self) -> int:
        return len(self._channels)
