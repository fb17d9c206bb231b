"""Rebuilding the router from Postgres (I4), at start and after a failure, and settling operators held
by calls that no longer exist.

- ``ringing`` operators go back to the state they chose (the offer died with the old process);
- ``talking``/``ringback`` operators whose call is over (its attempt finished, or the call record
  ended) go to wrap-up (in card) or, with the card already saved, back to their chosen state;
- calls answered and not taken by anyone rejoin their queues in arrival order, with the time they
  already waited counted against the queue timeout; a callback still goes to its operator first
  (F-46), a pinned contact only to its operator (F-25).
"""

import uuid

import sqlalchemy as sa
import structlog
from obzvon_db.enums import AttemptState, CallType, OperatorState
from obzvon_db.models import Attempt, Call, OperatorStateInterval
from sqlalchemy.ext.asyncio import AsyncSession

from obzvon_queue_router.queue import dispatch, repository
from obzvon_queue_router.queue.model import WaitingCall
from obzvon_queue_router.queue.router import Router, utc_now
from obzvon_queue_router.states import service

log = structlog.get_logger(__name__)
OSI = OperatorStateInterval
OVER = (AttemptState.FINISHED, AttemptState.FAILED)


async def call_is_over(db: AsyncSession, call_id: uuid.UUID | None) -> bool:
    if call_id is None:
        return True
    state = await db.scalar(sa.select(Attempt.state).where(Attempt.id == call_id))
    if state is not None:
        return AttemptState(state) in OVER
    ended = await db.scalar(sa.select(Call.ended_at).where(Call.id == call_id))
    return ended is not None


async def held_operators(
    db: AsyncSession, states: tuple[OperatorState, ...]
) -> list[tuple[uuid.UUID, OperatorState, uuid.UUID | None]]:
    rows = await db.execute(
        sa.select(OSI.operator_id, OSI.state, OSI.call_id).where(
            OSI.ended_at.is_(None), OSI.state.in_(states)
        )
    )
    return [(row[0], OperatorState(row[1]), row[2]) for row in rows]


async def settle_stale_calls(db: AsyncSession) -> int:
    """Operators talking on (or ringing back) a call that is over move on; returns how many."""
    settled = 0
    for operator_id, _state, call_id in await held_operators(
        db, (OperatorState.TALKING, OperatorState.RINGBACK)
    ):
        if call_id is not None and await call_is_over(db, call_id):
            settled += await service.finish_call(db, operator_id, call_id, "call_gone")
    return settled


async def rebuild(router: Router, db: AsyncSession) -> None:
    router.clear()
    for operator_id, _state, call_id in await held_operators(db, (OperatorState.RINGING,)):
        if call_id is not None:
            await service.release(db, operator_id, call_id, "recovered")
    settled = await settle_stale_calls(db)
    restored = 0
    for stored in await repository.waiting_calls(db):
        settings = await repository.queue_settings(db, stored.project_id)
        if settings is None or await service.operators_on_call(db, stored.call_id):
            continue
        waited = max(0.0, (utc_now() - stored.answered_at).total_seconds())
        limit = settings.queue_timeout_s * router.settings.timeout_scale
        callback = stored.call_type is CallType.CALLBACK
        pinned = (
            None if callback else await repository.pinned_operator(db, stored.project_id, stored.contact_id)
        )
        router.strategies[stored.project_id] = settings.strategy.value
        router.add(
            WaitingCall(
                call_id=stored.call_id,
                project_id=stored.project_id,
                contact_id=stored.contact_id,
                phone=stored.phone,
                direction=stored.direction,
                call_type=stored.call_type,
                joined_at=stored.answered_at,
                deadline=router.clock() + max(0.0, limit - waited),
                pinned_to=pinned,
                preferred=stored.preferred_operator_id if callback else None,
            )
        )
        restored += 1
    log.info("router.rebuilt", settled=settled, waiting=restored)
    await dispatch.expire(router, db)
