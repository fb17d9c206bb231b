"""Queue rules at the router's own level (F-43, F-25, F-52): lost calls, arrival order and positions, the
list order of operators, a card saved during the call, a contact pinned directly. The behaviour as a
whole, over pbx-sim and the real services, is in ``tests/acceptance/queue``."""

import datetime as dt
import uuid

import sqlalchemy as sa
from obzvon_db.enums import OperatorState, QueueStrategy
from obzvon_db.models import Call, ProjectGroup, ResultStatus, User
from obzvon_events.calls import CallEnded

from tests.services.queue_router.factories import add_contact, add_operators, add_project, choose
from tests.services.queue_router.harness import Harness, now


async def ready(harness: Harness, operators: list[User]) -> None:
    for operator in operators:
        await choose(harness.sessions, operator, OperatorState.ACTIVE)
    await harness.beat(*operators)


async def test_an_answered_call_that_ends_without_an_operator_is_lost(harness: Harness) -> None:
    """F-43: the client hangs up while waiting (no hangup is asked for); a call whose whole wait went
    unseen (queue-router was down) and that the dialplan's limit on the wait ended ("by the system")
    counts too, as a queue timeout; a call that talked does not."""
    project = await add_project(harness.sessions, [])
    waiting = await harness.answer(project.id)
    await harness.end(waiting, project.id, outcome="abandoned")
    [lost] = await harness.outbox("call_abandoned", waiting)
    assert lost["reason"] == "client_hangup" and harness.router.waiting(waiting) is None
    assert not await harness.outbox("hangup_call", waiting)
    unseen, answered = uuid.uuid4(), now() - dt.timedelta(seconds=90)
    await harness.send(
        CallEnded(
            call_id=unseen,
            project_id=project.id,
            outcome="abandoned",
            hangup_by="system",
            started_at=answered,
            answered_at=answered,
            ended_at=answered + dt.timedelta(seconds=60),
        )
    )
    [lost] = await harness.outbox("call_abandoned", unseen)
    assert (lost["reason"], lost["waited_seconds"]) == ("queue_timeout", 60.0)
    talked = await harness.answer(project.id)
    await harness.end(talked, project.id, outcome="answered")
    assert not await harness.outbox("call_abandoned", talked)


async def test_waiting_calls_are_served_in_arrival_order(harness: Harness) -> None:
    ops = await add_operators(harness.sessions, 2)
    project = await add_project(harness.sessions, ops, strategy=QueueStrategy.LINEAR)
    calls = [await harness.answer(project.id) for _ in range(3)]
    snapshot = harness.router.snapshot(project.id)
    assert [c.call_id for c in snapshot.calls] == calls
    assert [c.position for c in snapshot.calls] == [1, 2, 3]
    await ready(harness, ops)
    await harness.send_state_change(ops)
    assert await harness.offers(calls[0]) == [ops[0].id]
    assert await harness.offers(calls[1]) == [ops[1].id]
    assert await harness.offers(calls[2]) == []


async def test_a_card_saved_during_the_call_frees_the_operator_at_once(harness: Harness) -> None:
    ops = await add_operators(harness.sessions, 1)
    project = await add_project(harness.sessions, ops)
    await ready(harness, ops)
    call = await harness.answer(project.id)
    await harness.connect(call, project.id, ops[0])
    async with harness.sessions() as db, db.begin():
        status = ResultStatus(name=f"Итог {call.hex[:6]}")
        db.add(status)
        await db.flush()
        await db.execute(sa.update(Call).where(Call.id == call).values(result_status_id=status.id))
    await harness.end(call, project.id, ops[0])
    assert await harness.state(ops[0]) is OperatorState.ACTIVE


async def test_a_contact_pinned_directly_waits_for_its_operator(harness: Harness) -> None:
    ops = await add_operators(harness.sessions, 2)
    project = await add_project(harness.sessions, ops)
    contact = await add_contact(harness.sessions, project, pinned_operator_id=ops[1].id)
    await ready(harness, ops[:1])
    call = await harness.answer(project.id, contact_id=contact.id, phone=contact.phone)
    assert await harness.offers(call) == []
    await ready(harness, ops[1:])
    await harness.send_state_change(ops[1:])
    assert await harness.offers(call) == [ops[1].id]


async def test_group_link_order_comes_before_names(harness: Harness) -> None:
    """F-43: the list order is the groups in the order they were linked to the project, then names."""
    late = await add_operators(harness.sessions, 1, "Аааа")
    early = await add_operators(harness.sessions, 1, "Яяяя")
    project = await add_project(harness.sessions, early, strategy=QueueStrategy.LINEAR)
    second_group = await add_project(harness.sessions, late)
    async with harness.sessions() as db, db.begin():
        group_id = await db.scalar(
            sa.select(ProjectGroup.group_id).where(ProjectGroup.project_id == second_group.id)
        )
        db.add(ProjectGroup(project_id=project.id, group_id=group_id))
    await ready(harness, [*early, *late])
    call = await harness.answer(project.id)
    assert await harness.offers(call) == [early[0].id]
