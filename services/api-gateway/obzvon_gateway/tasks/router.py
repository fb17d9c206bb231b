"""HTTP: tasks on contacts (F-54) with automatic callbacks (F-46)."""

import uuid

from fastapi import APIRouter, Query, Response, status

from obzvon_gateway.auth.dependencies import CurrentPrincipal
from obzvon_gateway.deps import Db
from obzvon_gateway.openapi import problems
from obzvon_gateway.tasks import service
from obzvon_gateway.tasks.schemas import TaskCreate, TaskOut, TaskUpdate

router = APIRouter(prefix="/api/tasks", tags=["tasks"])


@router.get("", response_model=list[TaskOut], responses=problems(401))
async def list_tasks(
    principal: CurrentPrincipal,
    db: Db,
    contact_id: uuid.UUID | None = None,
    include_done: bool = True,
    limit: int = Query(200, ge=1, le=1000),
) -> list[TaskOut]:
    """Tasks in scope, by due time; ``overdue`` and ``status`` give the colour."""
    return await service.list_tasks(
        db, principal, contact_id=contact_id, include_done=include_done, limit=limit
    )


@router.post(
    "", response_model=TaskOut, status_code=status.HTTP_201_CREATED, responses=problems(401, 403, 404)
)
async def create_task(body: TaskCreate, principal: CurrentPrincipal, db: Db) -> TaskOut:
    task = await service.create(db, principal, body)
    await db.commit()
    return task


@router.patch("/{task_id}", response_model=TaskOut, responses=problems(401, 404))
async def update_task(task_id: uuid.UUID, body: TaskUpdate, principal: CurrentPrincipal, db: Db) -> TaskOut:
    task = await service.update(db, principal, task_id, body)
    await db.commit()
    return task


@router.post("/{task_id}/done", response_model=TaskOut, responses=problems(401, 404))
async def mark_task_done(task_id: uuid.UUID, principal: CurrentPrincipal, db: Db) -> TaskOut:
    task = await service.mark_done(db, principal, task_id)
    await db.commit()
    return task


@router.delete("/{task_id}", status_code=status.HTTP_204_NO_CONTENT, responses=problems(401, 404))
async def delete_task(task_id: uuid.UUID, principal: CurrentPrincipal, db: Db) -> Response:
    await service.delete(db, principal, task_id)
    await db.commit()
    return Response(status_code=status.HTTP_204_NO_CONTENT)
