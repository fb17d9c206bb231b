"""One call as the state machine sees it: the attempt row's columns plus facts kept in memory.

The attempt row (Postgres) holds what must survive a restart: state, outcome, times, cause, the
operator offered the call. Details with no column (AMD result, dial status, operator extension,
recording, who hung up) live in ``CallMemory`` for the life of the call; after a restart of the
dialer they are missing from ``call_ended`` but already went out in their own events.
"""

import datetime as dt
import uuid
from dataclasses import dataclass, field, replace

from obzvon_db.enums import AttemptState, CallOutcome, CallType
from obzvon_db.models import Attempt

STATE_RANK = {
    AttemptState.PENDING: 0,
    AttemptState.ORIGINATING: 1,
    AttemptState.RINGING: 2,
    AttemptState.ANSWERED: 3,
    AttemptState.TALKING: 4,
    AttemptState.FINISHED: 5,
    AttemptState.FAILED: 5,
}
TERMINAL_STATES = frozenset({AttemptState.FINISHED, AttemptState.FAILED})


@dataclass
class CallMemory:
    channel: str = ""
    amd_status: str | None = None
    amd_cause: str | None = None
    dial_status: str | None = None
    dial_cause: int | None = None  # the client leg's cause of a manual call that was not answered
    connected_at: dt.datetime | None = None
    extension: str | None = None
    recording: str | None = None
    hangup_by: str | None = None
    cause_text: str | None = None
    answered_announced: bool = False
    missed_legs: frozenset[str] = frozenset()

    def copy(self) -> "CallMemory":
        return replace(self)


@dataclass
class CallView:
    attempt_id: uuid.UUID
    project_id: uuid.UUID
    contact_id: uuid.UUID | None
    phone: str
    call_type: CallType
    caller_id: str | None
    trunk_id: uuid.UUID | None
    operator_id: uuid.UUID | None
    state: AttemptState
    created_at: dt.datetime
    outcome: CallOutcome | None = None
    originated_at: dt.datetime | None = None
    answered_at: dt.datetime | None = None
    ended_at: dt.datetime | None = None
    hangup_cause: int | None = None
    memory: CallMemory = field(default_factory=CallMemory)

    @classmethod
    def of(cls, attempt: Attempt, memory: CallMemory | None = None) -> "CallView":
        return cls(
            attempt_id=attempt.id,
            project_id=attempt.project_id,
            contact_id=attempt.contact_id,
            phone=attempt.phone,
            call_type=attempt.call_type,
            caller_id=attempt.caller_id,
            trunk_id=attempt.trunk_id,
            operator_id=attempt.operator_id,
            state=attempt.state,
            created_at=attempt.created_at,
            outcome=attempt.outcome,
            originated_at=attempt.originated_at,
            answered_at=attempt.answered_at,
            ended_at=attempt.ended_at,
            hangup_cause=attempt.hangup_cause,
            memory=memory.copy() if memory is not None else CallMemory(),
        )

    @property
    def finished(self) -> bool:
        return self.state in TERMINAL_STATES

    @property
    def connected(self) -> bool:
        return self.memory.connected_at is not None or self.state == AttemptState.TALKING

    def advance_to(self, state: AttemptState) -> bool:
        """Move forward only: an earlier (late or repeated) event never moves a call back."""
        if STATE_RANK[state] <= STATE_RANK[self.state]:
            return False
        self.state = state
        return True

    def row_values(self) -> dict[str, object]:
        """The attempt columns this view may have changed."""
        return {
            "state": self.state,
            "outcome": self.outcome,
            "originated_at": self.originated_at,
            "answered_at": self.answered_at,
            "ended_at": self.ended_at,
            "hangup_cause": self.hangup_cause,
            "operator_id": self.operator_id,
        }
