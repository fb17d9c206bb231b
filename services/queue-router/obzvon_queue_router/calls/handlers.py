"""Handlers of the dialer's call events (F-43, F-44, F-52), each in the router's transaction.

- ``call_answered``: the call joins its project's queue (pinned contacts only for their operator);
- ``call_connected_to_operator``: the call leaves the queue, the operator talks, the card pops;
- ``call_operator_missed``: the rung operator is released, the call moves to the next operator;
- ``call_ended``: an answered call no operator took is lost (the client hung up, or the queue timeout
  ended it) — counted from the call's end, so also when it ended while queue-router was down; the
  operator who talked goes to wrap-up (in card).
"""

from obzvon_db.enums import CallOutcome, CallType
from obzvon_db.models import Call
from obzvon_events.calls import CallAnswered, CallConnectedToOperator, CallEnded, CallOperatorMissed
from obzvon_platform.cards import ConnectedCall
from obzvon_platform.operator_states import operator_by_extension
from sqlalchemy.ext.asyncio import AsyncSession

from obzvon_queue_router.cards.service import open_card
from obzvon_queue_router.queue import dispatch, repository
from obzvon_queue_router.queue.model import WaitingCall
from obzvon_queue_router.queue.router import Router, utc_now
from obzvon_queue_router.states import service


async def on_answered(router: Router, db: AsyncSession, event: CallAnswered) -> None:
    if router.waiting(event.call_id) is not None or await service.operators_on_call(db, event.call_id):
        return
    inbound = event.direction == "in"
    call_type = await repository.attempt_call_type(db, event.call_id)
    call_type = call_type or (CallType.INBOUND if inbound else CallType.AUTO)
    if call_type is CallType.MANUAL:
        return  # the operator placed it and is on the line already (F-45)
    settings = await repository.queue_settings(db, event.project_id)
    if settings is None:
        return
    callback = call_type is CallType.CALLBACK
    preferred = event.operator_id if callback else None
    await repository.ensure_call_row(
        db,
        call_id=event.call_id,
        project_id=event.project_id,
        contact_id=event.contact_id,
        phone=event.phone,
        direction=event.direction,
        call_type=call_type,
        answered_at=event.answered_at,
        preferred_operator_id=preferred,
    )
    pinned = None if callback else event.operator_id
    pinned = pinned or await repository.pinned_operator(db, event.project_id, event.contact_id)
    waited = max(0.0, (utc_now() - event.answered_at).total_seconds())
    limit = settings.queue_timeout_s * router.settings.timeout_scale
    router.strategies[event.project_id] = settings.strategy.value
    router.add(
        WaitingCall(
            call_id=event.call_id,
            project_id=event.project_id,
            contact_id=event.contact_id,
            phone=event.phone,
            direction=event.direction,
            call_type=call_type,
            joined_at=event.answered_at,
            deadline=router.clock() + max(0.0, limit - waited),
            pinned_to=pinned,
            preferred=preferred,
        )
    )
    await dispatch.dispatch(router, db, event.project_id)


async def on_connected(router: Router, db: AsyncSession, event: CallConnectedToOperator) -> None:
    operator_id = await operator_by_extension(db, event.extension) or event.operator_id
    call = router.waiting(event.call_id)
    if call is not None:
        await dispatch.end_offer(router, db, call, "answered_by_another", keep=operator_id)
        router.remove(call)
    await service.talking(db, operator_id, event.call_id, event.project_id)
    row = await db.get(Call, event.call_id)
    inbound = call.direction == "in" if call else bool(row and row.direction == "in")
    phone = call.phone if call else (row.from_number if inbound else row.to_number) if row else None
    await open_card(
        db,
        ConnectedCall(
            operator_id=operator_id,
            call_id=event.call_id,
            project_id=event.project_id,
            contact_id=(call.contact_id if call else None)
            or event.contact_id
            or (row.contact_id if row else None),
            phone=phone,
            direction="in" if inbound else "out",
            call_type=(call.call_type if call else CallType(row.call_type) if row else CallType.AUTO).value,
            connected_at=event.connected_at,
        ),
    )
    await dispatch.dispatch(router, db, event.project_id)


async def on_missed(router: Router, db: AsyncSession, event: CallOperatorMissed) -> None:
    call = router.waiting(event.call_id)
    operator_id = await operator_by_extension(db, event.extension) or event.operator_id
    if call is None or operator_id is None:
        return
    await dispatch.drop_operator(router, db, call, operator_id)
    await dispatch.dispatch(router, db, event.project_id)


async def on_ended(router: Router, db: AsyncSession, event: CallEnded) -> None:
    # Dropped by queue-router's queue timeout, or ended "by the system" (the dialplan's own limit on
    # the wait, which also covers a drop queue-router forgot in a restart): a queue timeout.
    dropped = router.dropped.pop(event.call_id, None)
    reason = dropped or ("queue_timeout" if event.hangup_by == "system" else "client_hangup")
    call = router.waiting(event.call_id)
    if call is not None:
        await dispatch.end_offer(router, db, call, reason)
        router.remove(call)
    if event.outcome == CallOutcome.ABANDONED.value:  # answered, and no operator ever took it
        await dispatch.report_lost(db, event, reason)
    for operator_id in await service.operators_on_call(db, event.call_id):
        await service.finish_call(db, operator_id, event.call_id, "call_ended")
    await dispatch.dispatch(router, db, event.project_id)
