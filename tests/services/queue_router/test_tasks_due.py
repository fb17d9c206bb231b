"""Due tasks (F-54, F-46): a notification at the due time; "call automatically" originates a callback
for the operator, or for the project's general queue when the operator is busy."""

import datetime as dt
import uuid

import sqlalchemy as sa
from obzvon_db.enums import CallType, OperatorState
from obzvon_db.models import Attempt, Notification, Task, User
from obzvon_queue_router.tasks.scheduler import run_due_tasks

from tests.services.queue_router.factories import add_contact, add_operators, add_project, choose
from tests.services.queue_router.harness import Harness


async def add_task(
    harness: Harness,
    operator: User,
    contact_id: uuid.UUID,
    project_id: uuid.UUID,
    *,
    automatic: bool,
    minutes: int = -1,
) -> Task:
    async with harness.sessions() as db:
        task = Task(
            operator_id=operator.id,
            contact_id=contact_id,
            project_id=project_id,
            text="Перезвонить",
            due_at=dt.datetime.now(dt.UTC) + dt.timedelta(minutes=minutes),
            call_automatically=automatic,
        )
        db.add(task)
        await db.commit()
        return task


async def run(harness: Harness) -> int:
    async with harness.router.transaction() as db:
        return await run_due_tasks(harness.router, db)


async def test_a_due_task_notifies_its_operator_once(harness: Harness) -> None:
    ops = await add_operators(harness.sessions, 1)
    project = await add_project(harness.sessions, ops)
    contact = await add_contact(harness.sessions, project, full_name="Мария")
    task = await add_task(harness, ops[0], contact.id, project.id, automatic=False)
    later = await add_task(harness, ops[0], contact.id, project.id, automatic=False, minutes=60)
    await run(harness)
    await run(harness)
    async with harness.sessions() as db:
        rows = list(await db.scalars(sa.select(Notification).where(Notification.user_id == ops[0].id)))
        assert [(n.kind, n.payload["task_id"]) for n in rows] == [("task_due", str(task.id))]
        assert (await db.get(Task, later.id)).notified_at is None  # type: ignore[union-attr]
    [event] = [e for e in await harness.outbox("notification_created") if e["user_id"] == str(ops[0].id)]
    assert event["title"] == "Задача: Мария"
    assert not await harness.outbox_for_contact("originate_call", contact.id)


async def test_call_automatically_for_a_free_operator(harness: Harness) -> None:
    ops = await add_operators(harness.sessions, 1)
    project = await add_project(harness.sessions, ops)
    contact = await add_contact(harness.sessions, project)
    await choose(harness.sessions, ops[0], OperatorState.ACTIVE)
    await harness.beat(ops[0])
    await add_task(harness, ops[0], contact.id, project.id, automatic=True)
    await run(harness)
    [command] = await harness.outbox_for_contact("originate_call", contact.id)
    assert (command["call_type"], command["operator_id"], command["phone"]) == (
        "callback",
        str(ops[0].id),
        contact.phone,
    )


async def test_call_automatically_goes_to_the_general_queue_when_the_operator_talks(harness: Harness) -> None:
    ops = await add_operators(harness.sessions, 2)
    project = await add_project(harness.sessions, ops)
    contact = await add_contact(harness.sessions, project)
    for op in ops:
        await choose(harness.sessions, op, OperatorState.ACTIVE)
    await harness.beat(*ops)
    busy_call = await harness.answer(project.id)
    await harness.connect(busy_call, project.id, ops[0])
    await add_task(harness, ops[0], contact.id, project.id, automatic=True)
    await run(harness)
    [command] = await harness.outbox_for_contact("originate_call", contact.id)
    assert command["operator_id"] is None
    # The dialer places it; when the client answers, the call is offered by the strategy.
    call_id = uuid.UUID(command["call_id"])
    async with harness.sessions() as db, db.begin():
        db.add(
            Attempt(
                id=call_id,
                contact_id=contact.id,
                project_id=project.id,
                phone=contact.phone,
                call_type=CallType.CALLBACK,
                state="answered",
            )
        )
    await harness.answer_call(call_id, project.id, contact.phone)
    assert await harness.offers(call_id) == [ops[1].id]


async def test_a_callback_answered_goes_first_to_its_operator(harness: Harness) -> None:
    ops = await add_operators(harness.sessions, 2)
    project = await add_project(harness.sessions, ops)
    contact = await add_contact(harness.sessions, project)
    for op in ops:
        await choose(harness.sessions, op, OperatorState.ACTIVE)
    await harness.beat(*ops)
    call_id = uuid.uuid4()
    async with harness.sessions() as db, db.begin():
        db.add(
            Attempt(
                id=call_id,
                contact_id=contact.id,
                project_id=project.id,
                phone=contact.phone,
                call_type=CallType.CALLBACK,
                operator_id=ops[1].id,
                state="answered",
            )
        )
    await harness.answer(
        project.id, contact_id=contact.id, phone=contact.phone, operator_id=ops[1].id, call_id=call_id
    )
    assert await harness.offers(call_id) == [ops[1].id]
    await harness.miss(call_id, project.id, ops[1])
    assert await harness.offers(call_id) == [ops[1].id, ops[0].id]  # then the general queue
