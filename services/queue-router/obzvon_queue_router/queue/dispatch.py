"""Offering waiting calls to operators (F-43): for each project, calls in arrival order, operators by the
project's strategy; an offer is ``ringing`` intervals plus one ``connect_call`` command to the dialer,
committed together. Operator and queue timeouts are handled by ``expire``; a call that ends without
an operator is reported lost by ``report_lost``."""

import uuid

import structlog
from obzvon_events.calls import CallAbandoned, CallEnded
from obzvon_events.commands import ConnectCall, HangupCall
from obzvon_platform.bus import add_to_outbox
from sqlalchemy.ext.asyncio import AsyncSession

from obzvon_queue_router.queue import repository
from obzvon_queue_router.queue.model import Offer, WaitingCall
from obzvon_queue_router.queue.repository import Operator, QueueSettings
from obzvon_queue_router.queue.router import PRODUCER, Router
from obzvon_queue_router.queue.strategies import ring_order, rings_everyone
from obzvon_queue_router.states import machine, service

log = structlog.get_logger(__name__)


async def dispatch_all(router: Router, db: AsyncSession) -> None:
    for project_id in list(router.queues):
        await dispatch(router, db, project_id)


async def dispatch(router: Router, db: AsyncSession, project_id: uuid.UUID) -> None:
    """Offer every waiting call of the project that is not being offered, while operators are free."""
    now = router.clock()
    pending = [
        c
        for c in router.queues.get(project_id, [])
        if c.offer is None and c.next_pass_at <= now and c.deadline > now
    ]
    if not pending:
        return
    for call in pending:
        call.pass_due = False
    settings = await repository.queue_settings(db, project_id)
    if settings is None:
        return
    router.strategies[project_id] = settings.strategy.value
    operators = await repository.project_operators(db, settings)
    active = [o.operator_id for o in operators if machine.takes_queue_calls(o.state)]
    free = await router.heartbeats.alive(active) - router.ringing_operators()
    last = await repository.last_answered(db, project_id)
    for call in pending:
        if not free:
            break
        if call.preferred is not None and not _preferred_can_take(call, free):
            await _to_general_queue(db, call)
        targets = _targets(settings, operators, free, last, call)
        if not targets:
            if call.tried and _anyone_for(call, free):
                call.tried.clear()  # a full pass rang everyone: the next pass after the retry delay
                call.next_pass_at = now + router.settings.retry_seconds
                call.pass_due = True
            continue
        if await offer(router, db, settings, operators, call, targets):
            free -= set(call.offer.operator_ids if call.offer else [])


def _preferred_can_take(call: WaitingCall, free: set[uuid.UUID]) -> bool:
    return call.preferred in free and call.preferred not in call.tried


async def _to_general_queue(db: AsyncSession, call: WaitingCall) -> None:
    """The callback's operator missed it or was busy (talking, in a card, not active) when it was due
    to be offered: from now on the call is the project's like any other (F-46), also after a restart."""
    log.info("queue.callback_to_general_queue", call_id=str(call.call_id), operator_id=str(call.preferred))
    call.preferred = None
    await repository.forget_preference(db, call.call_id)


def _anyone_for(call: WaitingCall, free: set[uuid.UUID]) -> bool:
    return call.pinned_to in free if call.pinned_to is not None else bool(free)


def _targets(
    settings: QueueSettings,
    operators: list[Operator],
    free: set[uuid.UUID],
    last: uuid.UUID | None,
    call: WaitingCall,
) -> list[uuid.UUID]:
    if call.pinned_to is not None:
        return [call.pinned_to] if call.pinned_to in free and call.pinned_to not in call.tried else []
    if call.preferred is not None:
        return [call.preferred]  # a callback, to its operator first (F-46)
    members = [o.member(o.operator_id in free) for o in operators]
    order = ring_order(settings.strategy, members, last_answered=last, exclude=frozenset(call.tried))
    return order if rings_everyone(settings.strategy) else order[:1]


async def offer(
    router: Router,
    db: AsyncSession,
    settings: QueueSettings,
    operators: list[Operator],
    call: WaitingCall,
    targets: list[uuid.UUID],
) -> bool:
    extensions = {o.operator_id: o.extension for o in operators}
    rung = [
        op for op in targets if op in extensions and await service.ring(db, op, call.call_id, call.project_id)
    ]
    if not rung:
        return False
    seconds = settings.operator_timeout_s * router.settings.timeout_scale
    await add_to_outbox(
        db,
        ConnectCall(
            call_id=call.call_id,
            operator_id=rung[0],
            extension=extensions[rung[0]],
            timeout_seconds=max(1, settings.operator_timeout_s),
            auto_answer=settings.auto_answer,
            ring_all=[extensions[op] for op in rung] if rings_everyone(settings.strategy) else [],
        ),
        PRODUCER,
    )
    call.offer = Offer(rung, router.clock() + seconds + router.settings.offer_grace_seconds)
    router.changed.add(call.project_id)
    log.info("queue.offered", call_id=str(call.call_id), operators=[str(op) for op in rung])
    return True


async def end_offer(
    router: Router, db: AsyncSession, call: WaitingCall, reason: str, keep: uuid.UUID | None = None
) -> None:
    """Stop ringing: every rung operator but ``keep`` goes back to the state they chose."""
    if call.offer is None:
        return
    for operator_id in call.offer.operator_ids:
        call.tried.add(operator_id)
        if operator_id != keep:
            await service.release(db, operator_id, call.call_id, reason)
    call.offer = None
    router.changed.add(call.project_id)


async def drop_operator(router: Router, db: AsyncSession, call: WaitingCall, operator_id: uuid.UUID) -> None:
    """One rung operator did not answer (busy, no answer): release them; the call moves on when no
    other operator is still ringing for it."""
    if call.offer is None or operator_id not in call.offer.operator_ids:
        return
    call.offer.operator_ids.remove(operator_id)
    call.tried.add(operator_id)
    await service.release(db, operator_id, call.call_id, "operator_missed")
    if not call.offer.operator_ids:
        call.offer = None
    router.changed.add(call.project_id)


async def drop(router: Router, db: AsyncSession, call: WaitingCall, reason: str = "queue_timeout") -> None:
    """Nobody took the call in time: it leaves the queue and the PBX is asked to end it. It counts as
    lost once its end is known (``report_lost``): the dialer does not hang up a call an operator took
    meanwhile, which queue-router may not have heard of yet."""
    await end_offer(router, db, call, reason)
    router.remove(call)
    router.dropped[call.call_id] = reason
    await add_to_outbox(db, HangupCall(call_id=call.call_id, reason=reason), PRODUCER)
    log.info("queue.dropped", call_id=str(call.call_id), reason=reason)


async def report_lost(db: AsyncSession, event: CallEnded, reason: str) -> None:
    """An answered call ended without ever reaching an operator: a lost call (F-43, F-64)."""
    answered = event.answered_at or event.started_at
    await add_to_outbox(
        db,
        CallAbandoned(
            call_id=event.call_id,
            project_id=event.project_id,
            contact_id=event.contact_id,
            reason=reason,
            waited_seconds=max(0.0, (event.ended_at - answered).total_seconds()),
            abandoned_at=event.ended_at,
        ),
        PRODUCER,
    )
    log.info("queue.lost", call_id=str(event.call_id), reason=reason)


async def expire(router: Router, db: AsyncSession) -> None:
    """The timer loop's tick: operator timeouts move offers on, queue timeouts drop calls, then offer.

    A ring under way is let finish before the queue timeout drops the call (app_queue's
    ``timeoutpriority=conf``): the operator may be picking up at that very moment, and the call must
    not be hung up under them nor counted as lost. Past its queue timeout a call gets no new offer."""
    now = router.clock()
    for call in router.all_calls():
        if call.offer is not None and call.offer.deadline <= now:
            await end_offer(router, db, call, "operator_timeout")
        if call.offer is None and call.deadline <= now:
            await drop(router, db, call)
    await dispatch_all(router, db)
