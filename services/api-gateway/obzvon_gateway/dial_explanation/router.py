"""HTTP: why a contact is or is not being dialled, and when it next will be (F-40)."""

import uuid

from fastapi import APIRouter

from obzvon_gateway.auth.dependencies import CurrentPrincipal
from obzvon_gateway.deps import Db
from obzvon_gateway.dial_explanation import service
from obzvon_gateway.dial_explanation.schemas import DialExplanation
from obzvon_gateway.openapi import problems

router = APIRouter(prefix="/api/projects", tags=["campaign"])


@router.get(
    "/{project_id}/contacts/{contact_id}/dial-explanation",
    response_model=DialExplanation,
    responses=problems(401, 403, 404),
)
async def get_dial_explanation(
    project_id: uuid.UUID, contact_id: uuid.UUID, principal: CurrentPrincipal, db: Db
) -> DialExplanation:
    """Whether the contact is dialled now and, if not, why and when it next will be
    («следующий звонок в 14:05 по местному времени, повтор 2 из 4 после «Занято»»)."""
    return await service.dial_explanation(db, principal, project_id, contact_id)
