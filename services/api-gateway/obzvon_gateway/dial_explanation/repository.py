"""SQL of the dial explanation: the contact it is asked about."""

import uuid

from obzvon_db.models import Contact
from sqlalchemy.ext.asyncio import AsyncSession


async def contact_project(db: AsyncSession, contact_id: uuid.UUID) -> uuid.UUID | None:
    """The project of a contact that exists and is not deleted."""
    contact = await db.get(Contact, contact_id)
    if contact is None or contact.deleted_at is not None:
        return None
    return contact.project_id
