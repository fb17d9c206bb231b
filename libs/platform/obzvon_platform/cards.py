"""The client card's parts as an operator sees them (F-23, F-51, F-52): the contact (its number masked
where the project hides numbers), the project's template and its allowed result statuses.

queue-router writes them into ``card_opened`` so the card pops from the message alone; the gateway
serves the same parts from ``GET /api/cards/current``. One builder, so both show the same card.
"""

import uuid
from dataclasses import dataclass, field

import sqlalchemy as sa
from obzvon_db.models import CardField, Contact, ProjectResultStatus, ResultStatus
from obzvon_events.cards import CardContact, CardResultStatus, CardTemplateField
from sqlalchemy.ext.asyncio import AsyncSession

from obzvon_platform.numbers import mask_number


@dataclass(frozen=True)
class CardParts:
    contact: CardContact | None
    template: list[CardTemplateField] = field(default_factory=list)
    result_statuses: list[CardResultStatus] = field(default_factory=list)


def card_contact(contact: Contact, *, hide_numbers: bool) -> CardContact:
    visible = CardContact.model_validate(contact, from_attributes=True)
    if hide_numbers:
        visible.phone, visible.phone_hidden = mask_number(contact.phone) or "", True
    return visible


async def template(db: AsyncSession, project_id: uuid.UUID) -> list[CardTemplateField]:
    rows = await db.scalars(
        sa.select(CardField)
        .where(CardField.project_id == project_id)
        .order_by(CardField.position, CardField.key)
    )
    return [CardTemplateField.model_validate(row, from_attributes=True) for row in rows]


async def allowed_statuses(db: AsyncSession, project_id: uuid.UUID) -> list[ResultStatus]:
    """The active result statuses the project uses, by name."""
    rows = await db.scalars(
        sa.select(ResultStatus)
        .join(ProjectResultStatus, ProjectResultStatus.result_status_id == ResultStatus.id)
        .where(ProjectResultStatus.project_id == project_id, ResultStatus.is_active)
        .order_by(ResultStatus.name)
    )
    return list(rows)


async def card_parts(
    db: AsyncSession, project_id: uuid.UUID, contact: Contact | None, *, hide_numbers: bool
) -> CardParts:
    statuses = await allowed_statuses(db, project_id)
    return CardParts(
        contact=card_contact(contact, hide_numbers=hide_numbers) if contact is not None else None,
        template=await template(db, project_id),
        result_statuses=[CardResultStatus.model_validate(s, from_attributes=True) for s in statuses],
    )
