"""What happens when a client number is dialed."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Protocol


class OutcomeKind(StrEnum):
    ANSWER = "answer"  # a person answers
    BUSY = "busy"  # 486 Busy Here → cause 17
    NO_ANSWER = "no_answer"  # rings until the dialer's timeout → cause 19
    REJECT = "reject"  # 603 Decline → cause 21
    CONGESTION = "congestion"  # 503 Service Unavailable → cause 34
    MACHINE = "machine"  # an answering machine answers (AMD says MACHINE)
    FAILURE = "failure"  # no channel can be created (OriginateResponse Failure, Reason 0)


@dataclass(frozen=True)
class Outcome:
    kind: OutcomeKind
    ring_seconds: float = 0.0  # from the dial to the answer or the final failure
    talk_seconds: float | None = None  # from the answer to the client's own hangup

    @property
    def answered(self) -> bool:
        return self.kind in (OutcomeKind.ANSWER, OutcomeKind.MACHINE)


class OutcomeRules(Protocol):
    def decide(self, number: str) -> Outcome: ...
