"""Opening the card: the contact is the call's, or (inbound, F-44) found by number in the project or
created; ``card_opened`` goes through the outbox to the gateway, which pushes it to the operator.

The message carries the card's parts (the contact, the template, the allowed statuses), so the
operator's browser draws the card from it without a round trip, and ``connected_at``, the Timestamp of
the AMI event that told the dialer the call was answered for the operator (the operator's leg
answering a queue call, or the client answering a manual call): card pop latency is measured from it.
Where the project hides numbers from operators (F-51), the numbers in it are masked.
"""

import datetime as dt
import uuid

import sqlalchemy as sa
from obzvon_db.enums import UserRole
from obzvon_db.models import Call, Contact, Project
from obzvon_events.cards import CardOpened
from obzvon_platform.bus import add_to_outbox
from obzvon_platform.cards import card_parts
from obzvon_platform.numbers import hides_numbers, number_for
from sqlalchemy.ext.asyncio import AsyncSession

from obzvon_queue_router.queue.router import PRODUCER, utc_now


async def find_or_create_contact(db: AsyncSession, project_id: uuid.UUID, phone: str) -> uuid.UUID | None:
    """The project's contact with this number, or a new one (F-44). None for a number that cannot be a
    contact (not 10–15 digits)."""
    digits = "".join(ch for ch in phone if ch.isdigit())
    if not 10 <= len(digits) <= 15:
        return None
    found = await db.scalar(
        sa.select(Contact.id).where(
            Contact.project_id == project_id, Contact.phone == digits, Contact.deleted_at.is_(None)
        )
    )
    if found is not None:
        return found
    contact = Contact(project_id=project_id, phone=digits)
    db.add(contact)
    await db.flush()
    return contact.id


async def open_card(
    db: AsyncSession,
    *,
    operator_id: uuid.UUID,
    call_id: uuid.UUID,
    project_id: uuid.UUID,
    contact_id: uuid.UUID | None,
    phone: str | None,
    direction: str = "out",
    call_type: str = "auto",
    connected_at: dt.datetime | None = None,
) -> CardOpened:
    if contact_id is None and phone:
        contact_id = await find_or_create_contact(db, project_id, phone)
    if contact_id is not None:
        await db.execute(
            sa.update(Call).where(Call.id == call_id, Call.contact_id.is_(None)).values(contact_id=contact_id)
        )
        await db.execute(
            sa.update(Contact)
            .where(Contact.id == contact_id)
            .values(last_operator_id=operator_id, last_call_at=sa.func.now())
        )
    project = await db.get(Project, project_id)
    hidden = hides_numbers(UserRole.OPERATOR, project.show_numbers if project else False)
    contact = await db.get(Contact, contact_id) if contact_id is not None else None
    if contact is not None and contact.deleted_at is not None:
        contact = None
    parts = await card_parts(db, project_id, contact, hide_numbers=hidden)
    event = CardOpened(
        operator_id=operator_id,
        call_id=call_id,
        project_id=project_id,
        contact_id=contact_id,
        phone=number_for(phone, hidden=hidden),
        direction=direction,
        call_type=call_type,
        opened_at=utc_now(),
        connected_at=connected_at,
        contact=parts.contact,
        template=parts.template,
        result_statuses=parts.result_statuses,
    )
    await add_to_outbox(db, event, PRODUCER)
    return event
