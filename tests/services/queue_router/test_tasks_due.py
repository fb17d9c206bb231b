"""Due tasks (F-54): one notification at the due time, none before. The callbacks of "call automatically"
(F-46) are in ``tests/acceptance/queue/test_callbacks.py``."""

import datetime as dt
import uuid

import sqlalchemy as sa
from obzvon_db.models import Notification, Project, Task, User
from obzvon_queue_router.tasks.scheduler import run_due_tasks

from tests.services.queue_router.factories import add_contact, add_operators, add_project
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


async def test_a_due_task_of_a_hidden_number_shows_it_masked(harness: Harness) -> None:
    """F-22/F-54: the reminder names a contact without a name by its number, masked where the project
    hides numbers from operators."""
    ops = await add_operators(harness.sessions, 1)
    project = await add_project(harness.sessions, ops)
    async with harness.sessions() as db, db.begin():
        await db.execute(sa.update(Project).where(Project.id == project.id).values(show_numbers=False))
    contact = await add_contact(harness.sessions, project)
    await add_task(harness, ops[0], contact.id, project.id, automatic=False)
    await run(harness)
    [event] = [e for e in await harness.outbox("notification_created") if e["user_id"] == str(ops[0].id)]
    assert event["title"] == f"Задача: *********{contact.phone[-2:]}"
    assert contact.phone not in str(event)
