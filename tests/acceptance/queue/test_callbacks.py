"""F-54, F-46: a task with "call automatically" calls the contact at the due time and offers the call
to its operator first — to the general queue when that operator is talking — and keeps that across a
restart of queue-router (I4); F-25: pinned contacts go only to their operator."""

import uuid
from typing import Any

import sqlalchemy as sa
from obzvon_db.enums import OperatorState as S
from obzvon_db.models import Call, Project, ProjectPinnedStatus

from tests.acceptance.queue.floor import Floor
from tests.acceptance.queue.people import Agent


async def callback(floor: Floor, project: Project, agent: Agent, due_in: float = 0.0) -> dict[str, Any]:
    """The agent sets a task with "call automatically" on a new contact; the command that calls the
    contact once the task is due."""
    contact = await floor.contact(project)
    await floor.task(agent, contact, due_in)
    return await floor.watch.first("originate_call", within=15 + due_in, contact_id=contact.id)


async def preferred(floor: Floor, call_id: uuid.UUID) -> uuid.UUID | None:
    """Who the waiting callback goes to first, as Postgres keeps it."""
    async with floor.sessions() as db:
        return await db.scalar(sa.select(Call.preferred_operator_id).where(Call.id == call_id))


async def test_a_callback_reaches_its_operator_first(floor: Floor) -> None:
    """F-46, F-54: at the due time the operator is notified over /ws and the contact is called for
    them; the answered call rings that operator although another one comes first in the list."""
    a, b = ops = await floor.operators(2)
    project = await floor.project(ops)
    command = await callback(floor, project, b)
    assert (command["call_type"], command["operator_id"]) == ("callback", str(b.id))
    assert b.browser is not None
    notice = await b.browser.receives("notification_created", user_id=str(b.id))
    assert notice["kind"] == "task_due" and notice["payload"]["call_automatically"] is True
    call = uuid.UUID(command["call_id"])
    await floor.watch.first("call_answered", call_id=call)
    assert await floor.route(call, b, ops) == [b.id]
    assert await preferred(floor, call) == b.id
    await floor.client_hangs_up(call)
    record = await floor.record(call)
    assert (record.call_type, record.outcome, record.operator_id) == ("callback", "answered", b.id)
    await floor.until_state(b, S.IN_CARD)
    assert await floor.calls_of(b, call) == [S.RINGING, S.TALKING, S.IN_CARD]
    assert await floor.calls_of(a, call) == []


async def test_a_callback_goes_to_the_general_queue_when_its_operator_talks(floor: Floor) -> None:
    """F-46: the task's operator is on another call at the due time: the callback is placed for the
    project and taken by whoever the strategy picks."""
    a, b = ops = await floor.operators(2)
    project = await floor.project(ops)
    busy = await floor.answered_call(project, await floor.contact(project))
    await floor.route(busy, b, ops)
    await floor.until_state(b, S.TALKING)
    command = await callback(floor, project, b)
    assert (command["call_type"], command["operator_id"]) == ("callback", None)
    call = uuid.UUID(command["call_id"])
    await floor.watch.first("call_answered", call_id=call)
    assert await floor.route(call, a, ops) == [a.id]
    await floor.client_hangs_up(call)
    record = await floor.record(call)
    assert (record.call_type, record.operator_id) == ("callback", a.id)
    assert await floor.calls_of(b, call) == []


async def test_pinned_contacts_go_only_to_their_operator(floor: Floor) -> None:
    """F-25 "task to operator": contacts in status S are offered only to operator C, pass after pass,
    while A and B are free; other contacts follow the strategy."""
    a, b, c = ops = await floor.operators(3)
    project = await floor.project(ops)
    status = floor.statuses[project.id]
    async with floor.sessions() as db, db.begin():
        db.add(ProjectPinnedStatus(project_id=project.id, result_status_id=status.id, operator_id=c.id))
    pinned = await floor.answered_call(project, await floor.contact(project, result_status_id=status.id))
    await c.declines()
    assert await floor.offers(pinned, 2) == [c.id, c.id]
    await c.picks_up()
    await floor.watch.first("call_connected_to_operator", call_id=pinned, operator_id=c.id)
    other = await floor.answered_call(project, await floor.contact(project))
    assert await floor.route(other, a, ops) == [a.id]
    await floor.client_hangs_up(pinned)
    record = await floor.record(pinned)
    assert (record.outcome, record.operator_id) == ("answered", c.id)
    assert await floor.calls_of(a, pinned) == [] and await floor.calls_of(b, pinned) == []


async def test_a_restart_between_the_task_and_its_due_time_keeps_the_operator(floor: Floor) -> None:
    """F-46, I4: queue-router restarts after the task was set and before it is due; the callback is
    still placed for its operator and rings them first."""
    a, b = ops = await floor.operators(2)
    project = await floor.project(ops)
    contact = await floor.contact(project)
    await floor.task(b, contact, due_in=2.0)
    await floor.stack.router.restart()
    assert floor.watch.all("originate_call", contact_id=contact.id) == []
    command = await floor.watch.first("originate_call", contact_id=contact.id)
    assert command["operator_id"] == str(b.id)
    call = uuid.UUID(command["call_id"])
    await floor.watch.first("call_answered", call_id=call)
    assert await floor.route(call, b, ops) == [b.id]
    assert await floor.calls_of(a, call) == []


async def test_a_restart_mid_offer_keeps_the_callback_with_its_operator(floor: Floor) -> None:
    """F-46, I4: the callback rings its operator when queue-router restarts: the rebuilt router rings
    the same operator again, not the first in the list. Once that operator lets it go, the call belongs
    to the general queue — and a second restart keeps it there."""
    a, b = ops = await floor.operators(2)
    project = await floor.project(ops)
    call = uuid.UUID((await callback(floor, project, b))["call_id"])
    await floor.watch.first("call_answered", call_id=call)
    assert await floor.offers(call) == [b.id]
    ring = await b.rings()
    assert await preferred(floor, call) == b.id

    await floor.stack.router.restart()
    assert await floor.offers(call, 2) == [b.id, b.id]
    await b.declines(not_as=ring)
    assert await floor.offers(call, 3) == [b.id, b.id, a.id]
    assert await preferred(floor, call) is None
    ring = await a.rings()

    await floor.stack.router.restart()
    assert await floor.offers(call, 4) == [b.id, b.id, a.id, a.id]
    await a.picks_up(not_as=ring)
    await floor.watch.first("call_connected_to_operator", call_id=call, operator_id=a.id)
    await floor.client_hangs_up(call)
    record = await floor.record(call)
    assert (record.call_type, record.operator_id) == ("callback", a.id)
    assert await floor.calls_of(b, call) == [S.RINGING, S.RINGING]
