"""HTTP: the card's call lists (F-55) and the card's context (F-51, F-57)."""

import uuid
from typing import Annotated

from fastapi import APIRouter, Query

from obzvon_gateway.auth.dependencies import CurrentPrincipal
from obzvon_gateway.calls import service
from obzvon_gateway.calls.schemas import CallRow, ContactContext
from obzvon_gateway.deps import Db
from obzvon_gateway.openapi import problems

router = APIRouter(prefix="/api", tags=["calls"])

Limit = Annotated[int, Query(ge=1, le=500)]


@router.get("/contacts/{contact_id}/calls", response_model=list[CallRow], responses=problems(401, 404))
async def list_contact_calls(
    contact_id: uuid.UUID,
    principal: CurrentPrincipal,
    db: Db,
    all_by_number: Annotated[
        bool,
        Query(description="Every call to or from the contact's number («Показать все звонки по номеру»)"),
    ] = False,
    limit: Limit = 100,
) -> list[CallRow]:
    """«Показать звонки»: the contact's calls, newest first (an operator sees the calls they talked in)."""
    return await service.calls_of_contact(db, principal, contact_id, all_by_number=all_by_number, limit=limit)


@router.get("/calls", response_model=list[CallRow], responses=problems(401, 422))
async def list_calls_by_number(
    principal: CurrentPrincipal,
    db: Db,
    phone: Annotated[str, Query(min_length=2, max_length=32, pattern=r"^\+?[0-9]+$")],
    limit: Limit = 100,
) -> list[CallRow]:
    """«Показать все звонки по номеру»: calls to or from the number by every operator, in scope."""
    return await service.calls_by_number(db, principal, phone.lstrip("+"), limit=limit)


@router.get("/contacts/{contact_id}/context", response_model=ContactContext, responses=problems(401, 404))
async def get_contact_context(contact_id: uuid.UUID, principal: CurrentPrincipal, db: Db) -> ContactContext:
    """The client's timezone, whether numbers are shown, and the project's e-mail and SMS templates."""
    return await service.contact_context(db, principal, contact_id)
