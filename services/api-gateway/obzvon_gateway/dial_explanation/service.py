"""Dial explanation rules (F-40): admins ask about any contact, supervisors about the contacts of their
projects; operators do not see the campaign engine (403). A project or contact outside the scope, or a
contact of another project, is "not found". The verdict is the eligibility rules' own
(:func:`obzvon_eligibility.explain_contact`), the code the dialer runs when it claims contacts.
"""

import datetime as dt
import uuid

from obzvon_eligibility import explain_contact
from obzvon_platform.problem import not_found
from sqlalchemy.ext.asyncio import AsyncSession

from obzvon_gateway.auth.principal import Principal
from obzvon_gateway.auth.problems import forbidden
from obzvon_gateway.dial_explanation import repository
from obzvon_gateway.dial_explanation.schemas import DialExplanation, RetryProgress


async def dial_explanation(
    db: AsyncSession, principal: Principal, project_id: uuid.UUID, contact_id: uuid.UUID
) -> DialExplanation:
    if principal.is_operator:
        raise forbidden(
            "Объяснение набора доступно администраторам и супервайзерам",
            "Dial explanations are for admins and supervisors",
        )
    if not await principal.can_see_project(db, project_id):
        raise not_found("project")
    if await repository.contact_project(db, contact_id) != project_id:
        raise not_found("contact")
    now = dt.datetime.now(dt.UTC)
    found = await explain_contact(db, contact_id, now)
    if found is None:
        raise not_found("contact")
    retry = None
    if found.retry is not None and found.last_outcome is not None:
        number, allowed = found.retry
        retry = RetryProgress(number=number, allowed=allowed, after=found.last_outcome)
    local = found.next_local
    return DialExplanation(
        contact_id=contact_id,
        project_id=project_id,
        checked_at=now,
        dial_now=found.dial_now,
        reasons=list(found.reasons),
        next_at=found.next_at,
        next_local=local,
        timezone=str(local.tzinfo) if local is not None else None,
        retry=retry,
        text_ru=found.text_ru,
        text_en=found.text_en,
    )
