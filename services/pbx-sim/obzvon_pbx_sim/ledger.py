"""Every Originate the simulated PBX received, in order: what the dialer asked and what happened."""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from obzvon_pbx_sim.telephony.channel import Channel


@dataclass(eq=False)
class LedgerEntry:
    seq: int
    action_id: str
    channel_id: str
    channel: str
    number: str
    endpoint: str
    is_async: bool
    context: str = ""
    exten: str = ""
    application: str = ""
    variables: dict[str, str] = field(default_factory=dict)
    received_at: datetime = field(default_factory=lambda: datetime.now(UTC))
    uniqueid: str = ""  # the channel created for it, "" when none could be
    result: str = "pending"  # ANSWER, BUSY, NOANSWER, CONGESTION, CHANUNAVAIL, FAILED
    _channel: Channel | None = None

    def attach(self, chan: Channel) -> None:
        self._channel = chan
        self.uniqueid = chan.uniqueid

    @property
    def hangup_cause(self) -> int | None:
        return self._channel.hangup_cause if self._channel is not None else None

    @property
    def live(self) -> bool:
        return self._channel is not None and not self._channel.hungup

    def as_dict(self) -> dict[str, Any]:
        return {
            "seq": self.seq,
            "action_id": self.action_id,
            "channel_id": self.channel_id,
            "channel": self.channel,
            "number": self.number,
            "endpoint": self.endpoint,
            "async": self.is_async,
            "context": self.context,
            "exten": self.exten,
            "application": self.application,
            "variables": dict(self.variables),
            "received_at": self.received_at.isoformat(),
            "uniqueid": self.uniqueid,
            "result": self.result,
            "hangup_cause": self.hangup_cause,
            "live": self.live,
        }


class Ledger:
    def __init__(self) -> None:
        self.entries: list[LedgerEntry] = []
        self._seq = itertools.count(1)

    def record(self, **fields: Any) -> LedgerEntry:
        entry = LedgerEntry(seq=next(self._seq), **fields)
        self.entries.append(entry)
        return entry

    def by_channel_id(self, channel_id: str) -> list[LedgerEntry]:
        return [entry for entry in self.entries if entry.channel_id == channel_id]

    def as_list(self) -> list[dict[str, Any]]:
        return [entry.as_dict() for entry in self.entries]

    def __len__(self) -> int:
        return len(self.entries)
