"""Opening the card: the contact is the call's, or (inbound, F-44) found by number in the project or
created; ``card_opened`` goes through the outbox to the gateway, which pushes it to the operator.

The message carries the card's parts (the contact, the template, the allowed statuses), so the
operator's browser draws the card from it without a round trip, and ``connected_at``, the Timestamp of
the AMI event that told the dialer the call was answered for the operator (the operator's leg
answering a queue call, or the client answering a manual call): card pop latency is measured from it.
Where the project hides numbers from operators (F-51), the numbers in it are masked.
"""

import uuid
from dataclasses import replace

import sqlalchemy as sa
from obzvon_db.models import Call, Contact
from obzvon_events.cards import CardOpened
from obzvon_platform.bus import add_to_outbox
from obzvon_platform.cards import ConnectedCall, card_opened
from sqlalchemy.ext.asyncio import AsyncSession

from obzvon_queue_router.queue.router import PRODUCER


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


async def open_card(db: AsyncSession, call: ConnectedCall) -> CardOpened:
    contact_id = call.contact_id
    if contact_id is None and call.phone:
        contact_id = await find_or_create_contact(db, call.project_id, call.phone)
    if contact_id is not None:
        await db.execute(
            sa.update(Call)
            .where(Call.id == call.call_id, Call.contact_id.is_(None))
            .values(contact_id=contact_id)
        )
        await db.execute(
            sa.update(Contact)
            .where(Contact.id == contact_id)
            .values(last_operator_id=call.operator_id, last_call_at=sa.func.now())
        )
    event = await card_opened(db, replace(call, contact_id=contact_id))
    await add_to_outbox(db, event, PRODUCER)
    return event
