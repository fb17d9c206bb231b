"""The client card's parts as an operator sees them (F-23, F-51, F-52): the contact (its number masked
where the project hides numbers), the project's template and its allowed result statuses.

queue-router writes them into ``card_opened`` so the card pops from the message alone; the gateway
pushes the same message the moment the call is connected and serves the same parts from
``GET /api/cards/current``. One builder, so all show the same card.
"""

import datetime as dt
import uuid
from dataclasses import dataclass, field

import sqlalchemy as sa
from obzvon_db.enums import UserRole
from obzvon_db.models import CardField, Contact, Project, ProjectResultStatus, ResultStatus
from obzvon_events.cards import CardContact, CardContent, CardOpened, CardResultStatus, CardTemplateField
from sqlalchemy.ext.asyncio import AsyncSession

from obzvon_platform.numbers import hides_numbers, mask_number, number_for


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


@dataclass(frozen=True)
class ConnectedCall:
    """What ``card_opened`` says about the call: whose card, which call and contact, since when."""

    operator_id: uuid.UUID
    call_id: uuid.UUID
    project_id: uuid.UUID
    contact_id: uuid.UUID | None
    phone: str | None
    direction: str
    call_type: str
    connected_at: dt.datetime | None


async def card_content(db: AsyncSession, call: ConnectedCall) -> CardContent:
    """The card's first view for the operator's eyes: numbers masked where the project hides them
    (F-51), no contact when it was deleted."""
    project = await db.get(Project, call.project_id)
    hidden = hides_numbers(UserRole.OPERATOR, project.show_numbers if project else False)
    contact = await db.get(Contact, call.contact_id) if call.contact_id is not None else None
    if contact is not None and contact.deleted_at is not None:
        contact = None
    parts = await card_parts(db, call.project_id, contact, hide_numbers=hidden)
    return CardContent(
        operator_id=call.operator_id,
        call_id=call.call_id,
        project_id=call.project_id,
        contact_id=call.contact_id,
        phone=number_for(call.phone, hidden=hidden),
        direction=call.direction,
        call_type=call.call_type,
        contact=parts.contact,
        template=parts.template,
        result_statuses=parts.result_statuses,
    )


def opened(content: CardContent, connected_at: dt.datetime | None) -> CardOpened:
    """``card_opened`` with this content, opened now for a call connected at ``connected_at``."""
    return CardOpened(**dict(content), opened_at=dt.datetime.now(dt.UTC), connected_at=connected_at)


async def card_opened(db: AsyncSession, call: ConnectedCall) -> CardOpened:
    return opened(await card_content(db, call), call.connected_at)
