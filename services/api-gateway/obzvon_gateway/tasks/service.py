"""Task rules (F-54, F-46): an operator keeps tasks on contacts of their projects; supervisors and admins
see and manage the tasks of the projects in their scope. At ``due_at`` queue-router notifies the
operator and, with "call automatically", places the call. Editing the time re-arms the reminder."""

import datetime as dt
import uuid

from obzvon_db.models import Task
from obzvon_platform.problem import Problem, not_found
from sqlalchemy.ext.asyncio import AsyncSession

from obzvon_gateway.auth.principal import Principal
from obzvon_gateway.tasks import repository
from obzvon_gateway.tasks.schemas import TaskCreate, TaskOut, TaskStatus, TaskUpdate


def view(task: Task, now: dt.datetime) -> TaskOut:
    overdue = task.done_at is None and task.due_at < now
    status = TaskStatus.DONE if task.done_at else TaskStatus.OVERDUE if overdue else TaskStatus.ACTIVE
    return TaskOut(
        id=task.id,
        operator_id=task.operator_id,
        contact_id=task.contact_id,
        project_id=task.project_id,
        text=task.text,
        due_at=task.due_at,
        call_automatically=task.call_automatically,
        done_at=task.done_at,
        overdue=overdue,
        status=status,
    )


def now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


async def _visible(db: AsyncSession, principal: Principal, task_id: uuid.UUID) -> Task:
    task = await repository.get(db, task_id)
    if task is None or not await principal.can_see_project(db, task.project_id):
        raise not_found("task")
    if principal.is_operator and task.operator_id != principal.user_id:
        raise not_found("task")
    return task


async def create(db: AsyncSession, principal: Principal, body: TaskCreate) -> TaskOut:
    contact = await repository.contact(db, body.contact_id)
    if contact is None or not await principal.can_see_project(db, contact.project_id):
        raise not_found("contact")
    operator_id = body.operator_id or principal.user_id
    if principal.is_operator and operator_id != principal.user_id:
        raise Problem(
            403, "forbidden", "Задачу можно поставить только себе", "Operators set tasks for themselves"
        )
    if operator_id != principal.user_id and not await principal.can_see_user(db, operator_id):
        raise not_found("operator")
    task = await repository.add(
        db,
        Task(
            operator_id=operator_id,
            contact_id=contact.id,
            project_id=contact.project_id,
            text=body.text,
            due_at=body.due_at,
            call_automatically=body.call_automatically,
            created_by=principal.user_id,
        ),
    )
    return view(task, now())


async def list_tasks(
    db: AsyncSession, principal: Principal, *, contact_id: uuid.UUID | None, include_done: bool, limit: int
) -> list[TaskOut]:
    tasks = await repository.list_tasks(
        db,
        operator_ids=[principal.user_id] if principal.is_operator else None,
        project_ids=await principal.project_ids(db),
        contact_id=contact_id,
        include_done=include_done,
        limit=limit,
    )
    moment = now()
    return [view(task, moment) for task in tasks]


async def update(db: AsyncSession, principal: Principal, task_id: uuid.UUID, body: TaskUpdate) -> TaskOut:
    task = await _visible(db, principal, task_id)
    if body.text is not None:
        task.text = body.text
    if body.call_automatically is not None:
        task.call_automatically = body.call_automatically
    if body.due_at is not None and body.due_at != task.due_at:
        task.due_at = body.due_at
        task.notified_at = None  # remind (and call) again at the new time
    await db.flush()
    return view(task, now())


async def mark_done(db: AsyncSession, principal: Principal, task_id: uuid.UUID) -> TaskOut:
    task = await _visible(db, principal, task_id)
    if task.done_at is None:
        task.done_at = now()
        await db.flush()
    return view(task, now())


async def delete(db: AsyncSession, principal: Principal, task_id: uuid.UUID) -> None:
    task = await _visible(db, principal, task_id)
    task.deleted_at = now()
    await db.flush()
