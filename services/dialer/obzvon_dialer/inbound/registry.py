"""Inbound calls in progress, in memory: they have no attempt row (no contact is known yet)."""

import datetime as dt
import uuid
from dataclasses import dataclass


@dataclass
class InboundCall:
    call_id: uuid.UUID
    channel: str
    project_id: uuid.UUID
    phone: str
    trunk_id: uuid.UUID | None
    did: str
    answered_at: dt.datetime
    connected_at: dt.datetime | None = None
    operator_id: uuid.UUID | None = None
    extension: str | None = None
    missed_legs: frozenset[str] = frozenset()
    #: Who ended the call: "client" (the caller hung up) or "system" (the PBX hung up a caller still
    #: waiting: the dialplan's limit on the wait, or queue-router's queue timeout); None otherwise.
    hangup_by: str | None = None


class InboundRegistry:
    def __init__(self) -> None:
        self._calls: dict[uuid.UUID, InboundCall] = {}

    def get(self, call_id: uuid.UUID) -> InboundCall | None:
        return self._calls.get(call_id)

    def put(self, call: InboundCall) -> None:
        self._calls[call.call_id] = call

    def pop(self, call_id: uuid.UUID) -> InboundCall | None:
        return self._calls.pop(call_id, None)

    def __contains__(self, call_id: object) -> bool:
        return call_id in self._calls

    def __len__(self) -> int:
        return len(self._calls)
