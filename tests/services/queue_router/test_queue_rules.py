"""Queue rules (F-43, F-25, F-52): queue timeout, auto-answer, arrival order, pinned contacts, wrap-up."""

import uuid

import sqlalchemy as sa
from obzvon_db.enums import OperatorState, QueueStrategy
from obzvon_db.models import Call, Contact, ProjectPinnedStatus, ResultStatus, User

from tests.services.queue_router.factories import add_contact, add_operators, add_project, choose
from tests.services.queue_router.harness import Harness


async def ready(harness: Harness, operators: list[User]) -> None:
    for operator in operators:
        await choose(harness.sessions, operator, OperatorState.ACTIVE)
    await harness.beat(*operators)


async def test_queue_timeout_drops_the_call_as_lost(harness: Harness) -> None:
    """F-43: nobody answers within the queue timeout: hang up and count the call as lost."""
    ops = await add_operators(harness.sessions, 1)
    project = await add_project(harness.sessions, ops, queue_timeout_s=2, operator_timeout_s=10)
    await ready(harness, ops)
    call = await harness.answer(project.id)
    assert await harness.state(ops[0]) is OperatorState.RINGING

    async def dropped() -> bool:
        return bool(await harness.outbox("hangup_call", call))

    await harness.until(dropped)
    [hangup] = await harness.outbox("hangup_call", call)
    assert hangup["reason"] == "queue_timeout"
    [lost] = await harness.outbox("call_abandoned", call)
    assert lost["reason"] == "queue_timeout" and lost["waited_seconds"] >= 0.4
    assert await harness.state(ops[0]) is OperatorState.ACTIVE
    assert harness.router.waiting(call) is None


async def test_the_client_hanging_up_while_waiting_is_lost_too(harness: Harness) -> None:
    project = await add_project(harness.sessions, [])
    call = await harness.answer(project.id)
    await harness.end(call, project.id, outcome="abandoned")
    [lost] = await harness.outbox("call_abandoned", call)
    assert lost["reason"] == "client_hangup"
    assert not await harness.outbox("hangup_call", call)


async def test_auto_answer_is_asked_for_when_the_project_sets_it(harness: Harness) -> None:
    ops = await add_operators(harness.sessions, 1)
    on = await add_project(harness.sessions, ops, auto_answer=True)
    await ready(harness, ops)
    call = await harness.answer(on.id)
    [command] = await harness.outbox("connect_call", call)
    assert command["auto_answer"] is True


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


async def test_no_call_is_offered_to_an_operator_with_an_unsaved_card(harness: Harness) -> None:
    """F-52: after the call the operator sits in card; queue calls pass them by until it is saved."""
    ops = await add_operators(harness.sessions, 2)
    project = await add_project(harness.sessions, ops, strategy=QueueStrategy.LINEAR)
    await ready(harness, ops)
    first = await harness.answer(project.id)
    await harness.connect(first, project.id, ops[0])
    [card] = await harness.outbox("card_opened", first)
    assert card["operator_id"] == str(ops[0].id) and card["project_id"] == str(project.id)
    await harness.end(first, project.id, ops[0])
    assert await harness.state(ops[0]) is OperatorState.IN_CARD
    second = await harness.answer(project.id)
    assert await harness.offers(second) == [ops[1].id]
    await harness.miss(second, project.id, ops[1])
    assert await harness.until_offers(second, 2) == [ops[1].id, ops[1].id]  # next pass: still not ops[0]


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


async def test_pinned_contacts_go_only_to_their_operator(harness: Harness) -> None:
    """F-25 "task to operator": a contact in status S is offered only to operator U."""
    ops = await add_operators(harness.sessions, 3)
    project = await add_project(harness.sessions, ops, strategy=QueueStrategy.LINEAR)
    async with harness.sessions() as db, db.begin():
        status = ResultStatus(name=f"Перезвон {project.id.hex[:6]}")
        db.add(status)
        await db.flush()
        db.add(ProjectPinnedStatus(project_id=project.id, result_status_id=status.id, operator_id=ops[2].id))
    contact = await add_contact(harness.sessions, project, result_status_id=status.id)
    await ready(harness, ops)
    call = await harness.answer(project.id, contact_id=contact.id, phone=contact.phone)
    assert await harness.offers(call) == [ops[2].id]
    await harness.miss(call, project.id, ops[2])
    assert await harness.until_offers(call, 2) == [ops[2].id, ops[2].id]  # next pass: still only U
    other = await harness.answer(project.id)
    assert await harness.offers(other) == [ops[0].id]


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


async def test_an_inbound_call_joins_the_trunks_project_and_the_card_finds_or_creates_the_contact(
    harness: Harness,
) -> None:
    """F-44: the inbound call waits in its project's queue; the card pops with the contact by number."""
    ops = await add_operators(harness.sessions, 1)
    project = await add_project(harness.sessions, ops)
    known = await add_contact(harness.sessions, project, full_name="Известный")
    await ready(harness, ops)
    first = await harness.answer(project.id, phone=known.phone, direction="in")
    assert await harness.offers(first) == [ops[0].id]
    await harness.connect(first, project.id, ops[0])
    [card] = await harness.outbox("card_opened", first)
    assert (card["contact_id"], card["direction"], card["call_type"]) == (str(known.id), "in", "inbound")
    await harness.end(first, project.id, ops[0])
    async with harness.sessions() as db, db.begin():
        from obzvon_platform.operator_states import switch_state

        await switch_state(db, ops[0].id, OperatorState.ACTIVE, producer="api-gateway")
    stranger = "79990001122"
    second = await harness.answer(project.id, phone=stranger, direction="in")
    await harness.connect(second, project.id, ops[0])
    [card] = await harness.outbox("card_opened", second)
    async with harness.sessions() as db:
        created = await db.get(Contact, uuid.UUID(card["contact_id"]))
        assert created is not None and (created.phone, created.project_id) == (stranger, project.id)
