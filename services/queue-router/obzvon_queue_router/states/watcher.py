"""Heartbeat watch (I4): an operator not heard from for the heartbeat timeout goes offline and is offered
nothing; a ringing offer to them moves on. When the heartbeat is back, the chosen state returns."""

import uuid

import sqlalchemy as sa
from obzvon_db.enums import OperatorState
from obzvon_db.models import OperatorStateInterval
from sqlalchemy.ext.asyncio import AsyncSession

from obzvon_queue_router.queue import dispatch
from obzvon_queue_router.queue.router import Router
from obzvon_queue_router.states import machine, service

OSI = OperatorStateInterval


async def check_heartbeats(router: Router, db: AsyncSession) -> tuple[int, int]:
    """One pass; returns (gone offline, come back)."""
    rows = await db.execute(
        sa.select(OSI.operator_id, OSI.state, OSI.reason).where(
            OSI.ended_at.is_(None),
            OSI.state.in_([*machine.DROPPED_WHEN_SILENT, OperatorState.OFFLINE]),
        )
    )
    watched = [(row[0], OperatorState(row[1]), row[2]) for row in rows]
    alive = await router.heartbeats.alive(op for op, _, _ in watched)
    gone = back = 0
    for operator_id, state, reason in watched:
        if state is OperatorState.OFFLINE:
            if operator_id in alive and reason == "heartbeat_lost":
                back += await service.come_back(db, operator_id)
        elif operator_id not in alive:
            await _forget_offer(router, db, operator_id)
            gone += await service.go_offline(db, operator_id) is not None
    if gone or back:
        await dispatch.dispatch_all(router, db)
    return gone, back


async def _forget_offer(router: Router, db: AsyncSession, operator_id: uuid.UUID) -> None:
    for call in router.all_calls():
        if call.offer is not None and operator_id in call.offer.operator_ids:
            await dispatch.drop_operator(router, db, call, operator_id)
