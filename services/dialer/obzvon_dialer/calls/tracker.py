"""In-memory facts about live calls that have no column in ``attempts`` (see ``CallMemory``)."""

import uuid

from obzvon_dialer.calls.view import CallMemory


class CallTracker:
    def __init__(self) -> None:
        self._calls: dict[uuid.UUID, CallMemory] = {}

    def get(self, attempt_id: uuid.UUID) -> CallMemory | None:
        return self._calls.get(attempt_id)

    def put(self, attempt_id: uuid.UUID, memory: CallMemory) -> None:
        self._calls[attempt_id] = memory

    def forget(self, attempt_id: uuid.UUID) -> None:
        self._calls.pop(attempt_id, None)

    def channel_of(self, attempt_id: uuid.UUID) -> str | None:
        memory = self._calls.get(attempt_id)
        return memory.channel if memory is not None and memory.channel else None

    def adopt(self, attempt_id: uuid.UUID, channel: str) -> None:
        """Remember the channel of a call found alive by the reconciler."""
        memory = self._calls.setdefault(attempt_id, CallMemory())
        if channel:
            memory.channel = channel

    def __len__(self) -> int:
        return len(self._calls)
