"""SQL of the card: the operator's current call, its contact and project (the template and the allowed
statuses come from ``obzvon_platform.cards``)."""

import uuid

import sqlalchemy as sa
from obzvon_db.enums import OperatorState
from obzvon_db.models import Call, Comment, Contact, OperatorStateInterval, Project, ResultStatus
from sqlalchemy.ext.asyncio import AsyncSession

#: States in which the operator has a card open.
CARD_STATES = (OperatorState.TALKING, OperatorState.IN_CARD, OperatorState.RINGBACK)


async def current_card_interval(db: AsyncSession, operator_id: uuid.UUID) -> OperatorStateInterval | None:
    return await db.scalar(
        sa.select(OperatorStateInterval).where(
            OperatorStateInterval.operator_id == operator_id,
            OperatorStateInterval.ended_at.is_(None),
            OperatorStateInterval.state.in_(CARD_STATES),
            OperatorStateInterval.call_id.is_not(None),
        )
    )


async def call(db: AsyncSession, call_id: uuid.UUID) -> Call | None:
    return await db.get(Call, call_id)


async def contact(db: AsyncSession, contact_id: uuid.UUID, *, for_update: bool = False) -> Contact | None:
    query = sa.select(Contact).where(Contact.id == contact_id, Contact.deleted_at.is_(None))
    if for_update:
        query = query.with_for_update()
    return await db.scalar(query)


async def project(db: AsyncSession, project_id: uuid.UUID) -> Project | None:
    return await db.get(Project, project_id)


async def add_comment(
    db: AsyncSession, contact_id: uuid.UUID, author_id: uuid.UUID, call_id: uuid.UUID | None, text: str
) -> None:
    db.add(Comment(contact_id=contact_id, author_id=author_id, call_id=call_id, text=text))
    await db.flush()


async def set_call_result(db: AsyncSession, call_id: uuid.UUID, status: ResultStatus) -> None:
    await db.execute(
        sa.update(Call)
        .where(Call.id == call_id)
        .values(result_status_id=status.id, operator_status=status.name)
    )
