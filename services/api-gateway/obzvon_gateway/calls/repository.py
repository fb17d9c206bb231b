"""SQL of the card's call lists: calls of a contact, calls to or from a number."""

import uuid
from collections.abc import Iterable

import sqlalchemy as sa
from obzvon_db.enums import MessageChannel
from obzvon_db.models import Call, Contact, MessageTemplate, Project, User
from sqlalchemy.ext.asyncio import AsyncSession

CallWithNames = tuple[Call, str | None, str | None, bool | None]


def _rows_query() -> sa.Select[tuple[Call, str | None, str | None, bool | None]]:
    return (
        sa.select(Call, Project.name, User.full_name, Project.show_numbers)
        .outerjoin(Project, Project.id == Call.project_id)
        .outerjoin(User, User.id == Call.operator_id)
    )


async def contact(db: AsyncSession, contact_id: uuid.UUID) -> Contact | None:
    return await db.scalar(sa.select(Contact).where(Contact.id == contact_id, Contact.deleted_at.is_(None)))


async def project(db: AsyncSession, project_id: uuid.UUID) -> Project | None:
    return await db.get(Project, project_id)


async def calls_of_contact(
    db: AsyncSession, contact_id: uuid.UUID, *, operator_id: uuid.UUID | None, limit: int
) -> list[CallWithNames]:
    query = _rows_query().where(Call.contact_id == contact_id)
    if operator_id is not None:
        query = query.where(Call.operator_id == operator_id)
    rows = await db.execute(query.order_by(Call.started_at.desc(), Call.id).limit(limit))
    return [tuple(row) for row in rows]


async def calls_by_number(
    db: AsyncSession, phone: str, *, project_ids: Iterable[uuid.UUID] | None, limit: int
) -> list[CallWithNames]:
    query = _rows_query().where(sa.or_(Call.to_number == phone, Call.from_number == phone))
    if project_ids is not None:
        query = query.where(Call.project_id.in_(list(project_ids)))
    rows = await db.execute(query.order_by(Call.started_at.desc(), Call.id).limit(limit))
    return [tuple(row) for row in rows]


async def templates(db: AsyncSession, project_id: uuid.UUID) -> list[MessageTemplate]:
    rows = await db.scalars(
        sa.select(MessageTemplate)
        .where(MessageTemplate.project_id == project_id)
        .order_by(MessageTemplate.channel, MessageTemplate.name, MessageTemplate.id)
    )
    return list(rows)


def channel_of(template: MessageTemplate) -> MessageChannel:
    return MessageChannel(template.channel)
