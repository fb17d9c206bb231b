"""System state changes queue-router makes (F-50), each through the shared interval writer: the user row
is locked, the open interval closed and the next opened, with ``operator_state_changed`` in the outbox.
Flushes only; the caller commits."""

import uuid

import sqlalchemy as sa
import structlog
from obzvon_db.enums import OperatorState
from obzvon_db.models import Call, OperatorStateInterval
from obzvon_platform.operator_states import last_chosen_state, lock_operator, open_interval, switch_state
from sqlalchemy.ext.asyncio import AsyncSession

from obzvon_queue_router.states import machine

PRODUCER = "queue-router"
log = structlog.get_logger(__name__)


async def ring(db: AsyncSession, operator_id: uuid.UUID, call_id: uuid.UUID, project_id: uuid.UUID) -> bool:
    """Offer a queue call: only an active operator can be rung (re-checked under the row lock)."""
    await lock_operator(db, operator_id)
    current = await open_interval(db, operator_id)
    if current is None or not machine.takes_queue_calls(current.state):
        return False
    await switch_state(
        db,
        operator_id,
        OperatorState.RINGING,
        producer=PRODUCER,
        call_id=call_id,
        project_id=project_id,
        reason="queue_offer",
        lock=False,
    )
    return True


async def release(db: AsyncSession, operator_id: uuid.UUID, call_id: uuid.UUID, reason: str) -> bool:
    """An offer ended without this operator taking it: back to the state they chose."""
    await lock_operator(db, operator_id)
    current = await open_interval(db, operator_id)
    if (
        current is None
        or current.state is not OperatorState.RINGING
        or current.call_id not in (None, call_id)
    ):
        return False
    chosen = await last_chosen_state(db, operator_id)
    await switch_state(db, operator_id, chosen, producer=PRODUCER, reason=reason, lock=False)
    return True


async def talking(
    db: AsyncSession, operator_id: uuid.UUID, call_id: uuid.UUID, project_id: uuid.UUID
) -> None:
    """The PBX bridged the operator with the client: whatever the state was, the operator talks now."""
    current_project = project_id
    await switch_state(
        db,
        operator_id,
        OperatorState.TALKING,
        producer=PRODUCER,
        call_id=call_id,
        project_id=current_project,
        reason="connected",
    )


async def ringback(
    db: AsyncSession, operator_id: uuid.UUID, call_id: uuid.UUID, project_id: uuid.UUID
) -> None:
    await switch_state(
        db,
        operator_id,
        OperatorState.RINGBACK,
        producer=PRODUCER,
        call_id=call_id,
        project_id=project_id,
        reason="manual_call",
    )


async def card_saved(db: AsyncSession, call_id: uuid.UUID | None) -> bool:
    """Was the card of this call already saved with a result status (while the call went on)?"""
    if call_id is None:
        return False
    return await db.scalar(sa.select(Call.result_status_id).where(Call.id == call_id)) is not None


async def finish_call(db: AsyncSession, operator_id: uuid.UUID, call_id: uuid.UUID, reason: str) -> bool:
    """The call is over: a talking (or ringback) operator goes to wrap-up until the card is saved."""
    await lock_operator(db, operator_id)
    current = await open_interval(db, operator_id)
    if current is None or current.call_id != call_id:
        return False
    if current.state is OperatorState.RINGING:
        return await release(db, operator_id, call_id, reason)
    if current.state not in (OperatorState.TALKING, OperatorState.RINGBACK):
        return False
    target = machine.after_call(await card_saved(db, call_id), await last_chosen_state(db, operator_id))
    await switch_state(
        db,
        operator_id,
        target,
        producer=PRODUCER,
        call_id=call_id if target is OperatorState.IN_CARD else None,
        project_id=current.project_id,
        reason=reason,
        lock=False,
    )
    return True


async def go_offline(db: AsyncSession, operator_id: uuid.UUID) -> OperatorStateInterval | None:
    """The heartbeat was lost: offline, unless a call or an unsaved card holds the operator."""
    await lock_operator(db, operator_id)
    current = await open_interval(db, operator_id)
    if current is None or not machine.goes_offline_when_silent(current.state):
        return None
    await switch_state(
        db, operator_id, OperatorState.OFFLINE, producer=PRODUCER, reason="heartbeat_lost", lock=False
    )
    return current


async def come_back(db: AsyncSession, operator_id: uuid.UUID) -> bool:
    """The heartbeat is back after it was lost: restore the state the operator had chosen."""
    await lock_operator(db, operator_id)
    current = await open_interval(db, operator_id)
    if current is None or current.state is not OperatorState.OFFLINE or current.reason != "heartbeat_lost":
        return False
    chosen = await last_chosen_state(db, operator_id)
    await switch_state(db, operator_id, chosen, producer=PRODUCER, reason="heartbeat_back", lock=False)
    return True


async def operators_on_call(db: AsyncSession, call_id: uuid.UUID) -> list[uuid.UUID]:
    rows = await db.scalars(
        sa.select(OperatorStateInterval.operator_id).where(
            OperatorStateInterval.call_id == call_id, OperatorStateInterval.ended_at.is_(None)
        )
    )
    return list(rows)
