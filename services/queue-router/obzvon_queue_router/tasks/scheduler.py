"""Due tasks (F-54, F-46): at ``due_at`` the operator gets a notification (row + ``notification_created``);
with "call automatically" the contact is called for that operator (``originate_call``, call type
``callback``): when the client answers, the call is offered to that operator first, and goes to the
project's general queue when the operator is busy (talking, in a card, not active)."""

import uuid

import sqlalchemy as sa
import structlog
from obzvon_db.enums import NotificationKind, OperatorState
from obzvon_db.models import Contact, Notification, Project, Task
from obzvon_events.commands import OriginateCall
from obzvon_events.notifications import NotificationCreated
from obzvon_platform.bus import add_to_outbox
from obzvon_platform.numbers import mask_number
from obzvon_platform.operator_states import open_interval
from sqlalchemy.ext.asyncio import AsyncSession

from obzvon_queue_router.queue.router import PRODUCER, Router

log = structlog.get_logger(__name__)
BATCH = 100


async def due_tasks(db: AsyncSession) -> list[Task]:
    rows = await db.scalars(
        sa.select(Task)
        .where(
            Task.due_at <= sa.func.now(),
            Task.done_at.is_(None),
            Task.deleted_at.is_(None),
            Task.notified_at.is_(None),
        )
        .order_by(Task.due_at)
        .limit(BATCH)
        .with_for_update(skip_locked=True)
    )
    return list(rows)


async def operator_is_free(router: Router, db: AsyncSession, operator_id: uuid.UUID) -> bool:
    current = await open_interval(db, operator_id)
    if current is None or current.state is not OperatorState.ACTIVE:
        return False
    if operator_id in router.ringing_operators():
        return False
    return operator_id in await router.heartbeats.alive([operator_id])


async def _phone_for_operator(db: AsyncSession, contact: Contact) -> str:
    """The contact's number as the task's operator may see it (masked where the project hides numbers)."""
    shown = await db.scalar(sa.select(Project.show_numbers).where(Project.id == contact.project_id))
    return contact.phone if shown is not False else mask_number(contact.phone) or ""


async def notify(db: AsyncSession, task: Task, contact: Contact | None) -> None:
    name = ""
    if contact is not None:
        name = contact.full_name or await _phone_for_operator(db, contact)
    notification = Notification(
        user_id=task.operator_id,
        kind=NotificationKind.TASK_DUE.value,
        title=f"Задача: {name}".strip() if name else "Задача",
        body=task.text,
        payload={
            "task_id": str(task.id),
            "contact_id": str(task.contact_id),
            "project_id": str(task.project_id),
            "call_automatically": task.call_automatically,
        },
    )
    db.add(notification)
    await db.flush()
    await add_to_outbox(
        db,
        NotificationCreated(
            user_id=notification.user_id,
            notification_id=notification.id,
            kind=notification.kind,
            title=notification.title,
            body=notification.body,
            payload=notification.payload,
        ),
        PRODUCER,
    )


async def run_due_tasks(router: Router, db: AsyncSession) -> int:
    """Handle every due task once (``notified_at`` marks it); returns how many."""
    tasks = await due_tasks(db)
    for task in tasks:
        contact = await db.get(Contact, task.contact_id)
        await notify(db, task, contact)
        task.notified_at = sa.func.now()
        if task.call_automatically and contact is not None and contact.deleted_at is None:
            free = await operator_is_free(router, db, task.operator_id)
            call_id = uuid.uuid4()
            await add_to_outbox(
                db,
                OriginateCall(
                    call_id=call_id,
                    project_id=task.project_id,
                    contact_id=contact.id,
                    phone=contact.phone,
                    operator_id=task.operator_id if free else None,
                    call_type="callback",
                ),
                PRODUCER,
            )
            log.info("task.callback", task_id=str(task.id), call_id=str(call_id), for_operator=free)
    await db.flush()
    return len(tasks)
