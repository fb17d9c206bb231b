"""The remote party of an outgoing channel: when it rings, answers or refuses, and for how long."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from dataclasses import dataclass

from obzvon_pbx_sim.clock import SimClock
from obzvon_pbx_sim.config import OperatorMode
from obzvon_pbx_sim.outcomes.types import Outcome, OutcomeKind
from obzvon_pbx_sim.telephony import causes
from obzvon_pbx_sim.telephony.endpoints import Endpoint

RING_AFTER = 0.2  # 180 Ringing shortly after the INVITE
AUTO_ANSWER_AFTER = 0.1  # a phone told to answer by itself (Call-Info answer-after=0)


@dataclass(frozen=True)
class Decision:
    answered: bool
    cause: int = 0
    tech_cause: int | None = None
    local: bool = False  # hung up on our side (AMI Hangup) while still being dialed


ANSWER = Decision(True)


def refusal(cause: int) -> Decision:
    return Decision(False, cause, causes.SIP_CODE.get(cause))


class FarEnd:
    """Plays a schedule (ring after X, decide after Y); the control API may decide earlier."""

    def __init__(
        self,
        *,
        ring_after: float | None,
        decide_after: float | None,
        decision: Decision | None,
        talk_seconds: float | None = None,
        machine: bool = False,
    ) -> None:
        self.ring_after = ring_after
        self.decide_after = decide_after
        self.planned = decision
        self.talk_seconds = talk_seconds
        self.machine = machine
        self.decision: asyncio.Future[Decision] = asyncio.get_running_loop().create_future()

    def answer(self) -> bool:
        return self._decide(ANSWER)

    def refuse(self, cause: int) -> bool:
        return self._decide(refusal(cause))

    def hang_up_locally(self, cause: int) -> bool:
        return self._decide(Decision(False, cause, None, local=True))

    @property
    def pending(self) -> bool:
        return not self.decision.done()

    def _decide(self, decision: Decision) -> bool:
        if self.decision.done():
            return False
        self.decision.set_result(decision)
        return True

    async def play(self, clock: SimClock, on_ringing: Callable[[], None]) -> None:
        elapsed = 0.0
        if self.ring_after is not None and (self.decide_after is None or self.ring_after < self.decide_after):
            await clock.sleep(self.ring_after)
            elapsed = self.ring_after
            if self.decision.done():
                return
            on_ringing()
        if self.decide_after is None or self.planned is None:
            return
        await clock.sleep(self.decide_after - elapsed)
        self._decide(self.planned)


def client_far_end(outcome: Outcome) -> FarEnd:
    kind = outcome.kind
    if outcome.answered:
        return FarEnd(
            ring_after=RING_AFTER,
            decide_after=outcome.ring_seconds,
            decision=ANSWER,
            talk_seconds=outcome.talk_seconds,
            machine=kind is OutcomeKind.MACHINE,
        )
    if kind is OutcomeKind.BUSY:
        return FarEnd(ring_after=None, decide_after=outcome.ring_seconds, decision=refusal(causes.USER_BUSY))
    if kind is OutcomeKind.CONGESTION:
        return FarEnd(ring_after=None, decide_after=outcome.ring_seconds, decision=refusal(causes.CONGESTION))
    if kind is OutcomeKind.REJECT:
        decide = max(outcome.ring_seconds, RING_AFTER * 2)
        return FarEnd(ring_after=RING_AFTER, decide_after=decide, decision=refusal(causes.CALL_REJECTED))
    return FarEnd(ring_after=RING_AFTER, decide_after=None, decision=None)


def operator_far_end(endpoint: Endpoint, in_call: bool, auto_answer: bool = False) -> FarEnd:
    """An operator's phone; ``auto_answer``: the INVITE asks it to pick up by itself, which a free
    phone does whoever sits at it (a busy one still answers 486)."""
    if endpoint.mode is OperatorMode.BUSY or in_call:
        return FarEnd(ring_after=None, decide_after=0.2, decision=refusal(causes.USER_BUSY))
    if auto_answer:
        return FarEnd(ring_after=None, decide_after=AUTO_ANSWER_AFTER, decision=ANSWER)
    if endpoint.mode is OperatorMode.NEVER:
        return FarEnd(ring_after=0.1, decide_after=None, decision=None)
    return FarEnd(ring_after=0.1, decide_after=max(endpoint.answer_delay, 0.1), decision=ANSWER)
