"""HTTP: the operator's client card (F-52, F-53) and the manual call from it (F-45)."""

import uuid

from fastapi import APIRouter, status

from obzvon_gateway.auth.dependencies import CurrentPrincipal
from obzvon_gateway.cards import service
from obzvon_gateway.cards.schemas import CardOut, CardSave, ManualCall, ManualCallOut
from obzvon_gateway.deps import Db
from obzvon_gateway.openapi import problems

router = APIRouter(prefix="/api/cards", tags=["cards"])


@router.get("/current", response_model=CardOut, responses=problems(401, 403, 404))
async def get_current_card(principal: CurrentPrincipal, db: Db) -> CardOut:
    """The card of the caller's current call, or of the call that ended until the card is saved."""
    return await service.current_card(db, principal)


@router.put("/{call_id}", status_code=status.HTTP_204_NO_CONTENT, responses=problems(401, 403, 404, 422))
async def save_card(call_id: uuid.UUID, body: CardSave, principal: CurrentPrincipal, db: Db) -> None:
    """Save the fields, a comment and the result status (required); ends wrap-up."""
    await service.save_card(db, principal, call_id, body)
    await db.commit()


@router.post(
    "/call",
    response_model=ManualCallOut,
    status_code=status.HTTP_202_ACCEPTED,
    responses=problems(401, 403, 404, 409),
)
async def place_manual_call(body: ManualCall, principal: CurrentPrincipal, db: Db) -> ManualCallOut:
    """Ring the caller's phone, then the client through the caller's trunk."""
    call_id = await service.manual_call(db, principal, body.contact_id)
    await db.commit()
    return ManualCallOut(call_id=call_id)
