"""A call that ended for an operator, leaving them in card (what queue-router commits)."""

import datetime as dt
import uuid
from dataclasses import dataclass

import sqlalchemy as sa
from obzvon_db.enums import OperatorState, UserRole
from obzvon_db.models import Call, Contact, Project, ProjectResultStatus, ResultStatus, User
from obzvon_platform.operator_states import switch_state
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from tests.services.api_gateway.factories import add_project, add_user


@dataclass
class CardWorld:
    operator: User
    project: Project
    contact: Contact
    call_id: uuid.UUID
    allowed: ResultStatus
    other: ResultStatus


async def operator_in_card(
    sessions: async_sessionmaker[AsyncSession],
    state: OperatorState = OperatorState.IN_CARD,
    *,
    show_numbers: bool = True,
) -> CardWorld:
    """The call (to the contact's number, talked by the operator) ended; the card waits to be saved."""
    operator = await add_user(sessions, UserRole.OPERATOR, "card-op")
    project = await add_project(sessions, "Карточки", [], [operator])
    call_id = uuid.uuid4()
    async with sessions() as db, db.begin():
        await db.execute(sa.update(Project).where(Project.id == project.id).values(show_numbers=show_numbers))
        tag = uuid.uuid4().hex[:6]
        allowed, other = ResultStatus(name=f"Перезвон {tag}"), ResultStatus(name=f"Отказ {tag}")
        contact = Contact(project_id=project.id, phone=f"79{uuid.uuid4().int % 10**9:09d}", full_name="Иван")
        db.add_all([allowed, other, contact])
        await db.flush()
        db.add(ProjectResultStatus(project_id=project.id, result_status_id=allowed.id))
        db.add(
            Call(
                id=call_id,
                uniqueid=str(call_id),
                direction="out",
                call_type="auto",
                project_id=project.id,
                contact_id=contact.id,
                operator_id=operator.id,
                from_number="74951234567",
                to_number=contact.phone,
                started_at=dt.datetime.now(dt.UTC),
            )
        )
        await db.flush()
        await switch_state(db, operator.id, OperatorState.ACTIVE, producer="api-gateway")
        await switch_state(
            db, operator.id, state, producer="queue-router", call_id=call_id, project_id=project.id
        )
    return CardWorld(operator, project, contact, call_id, allowed, other)
