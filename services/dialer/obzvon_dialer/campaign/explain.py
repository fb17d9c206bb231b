"""Why a contact is or is not dialled now, and when it next will be (F-40): gathers the rows and asks
the eligibility rules. The gateway serves it over HTTP."""

import datetime as dt
import uuid

import sqlalchemy as sa
from obzvon_db.models import BlacklistEntry, Contact, Project
from sqlalchemy.ext.asyncio import AsyncSession

from obzvon_dialer.campaign import repository
from obzvon_dialer.campaign.rules import contact_state, project_rules
from obzvon_dialer.eligibility import Explanation, explain


async def explain_contact(
    session: AsyncSession, contact_id: uuid.UUID, now: dt.datetime | None = None
) -> Explanation | None:
    """The explanation for one contact at ``now`` (default: the current time); None if it is unknown."""
    contact = await session.get(Contact, contact_id)
    if contact is None or contact.deleted_at is not None:
        return None
    project = await session.get(Project, contact.project_id)
    if project is None:
        return None
    blacklisted = bool(
        await session.scalar(sa.select(sa.exists().where(BlacklistEntry.phone == contact.phone)))
    )
    counts = await repository.outcome_counts(session, [contact.id])
    state = contact_state(contact, blacklisted, counts.get(contact.id, {}))
    return explain(state, await project_rules(session, project), now or dt.datetime.now(dt.UTC))
