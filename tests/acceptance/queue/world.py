"""Committed data of one acceptance test: operators (users with a password and an extension), a trunk
and projects with their operator group, allowed result statuses and contacts."""

import datetime as dt
import itertools
import random
import uuid
from typing import Any

from obzvon_db.enums import QueueStrategy, UserRole
from obzvon_db.models import (
    Contact,
    Group,
    GroupMember,
    Project,
    ProjectGroup,
    ProjectResultStatus,
    ResultStatus,
    Trunk,
    User,
)
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from tests.services.api_gateway.factories import add_user

Sessions = async_sessionmaker[AsyncSession]
_numbers = itertools.count(random.randrange(10_000, 90_000) * 1000)
CALLER_ID = "74951234567"


async def add_operator(sessions: Sessions) -> User:
    """An operator with a sign-in and a desk phone; names sort in the order they were made."""
    number = next(_numbers)
    return await add_user(sessions, UserRole.OPERATOR, f"operator-{number}", extension=str(number))


async def add_trunk(sessions: Sessions, inbound_project: Project | None = None) -> Trunk:
    async with sessions() as db:
        trunk = Trunk(
            name=f"trunk-{uuid.uuid4().hex[:8]}",
            username="obzvon",
            host="sip.example.net",
            inbound_project_id=inbound_project.id if inbound_project else None,
        )
        db.add(trunk)
        await db.commit()
        return trunk


async def add_project(
    sessions: Sessions,
    trunk: Trunk,
    operators: list[User],
    *,
    strategy: QueueStrategy = QueueStrategy.LINEAR,
    **settings: Any,
) -> tuple[Project, ResultStatus]:
    """A project on ``trunk`` whose group lists ``operators`` in this order, with one result status.
    Calls wait up to an hour and ring an operator for 10 minutes unless ``settings`` say otherwise."""
    values: dict[str, Any] = {
        "dial_timeout_s": 60,
        "max_attempts": 1,
        "queue_timeout_s": 3600,
        "operator_timeout_s": 600,
        "record_calls": False,
        **settings,
    }
    async with sessions() as db:
        project = Project(
            name=f"Очередь {uuid.uuid4().hex[:6]}",
            trunk_id=trunk.id,
            caller_id=CALLER_ID,
            strategy=strategy,
            **values,
        )
        group = Group(name=f"Группа {uuid.uuid4().hex[:6]}")
        status = ResultStatus(name=f"Согласие {uuid.uuid4().hex[:6]}")
        db.add_all([project, group, status])
        await db.flush()
        db.add(ProjectGroup(project_id=project.id, group_id=group.id))
        db.add(ProjectResultStatus(project_id=project.id, result_status_id=status.id))
        joined = dt.datetime.now(dt.UTC)
        for position, operator in enumerate(operators):
            joined_at = joined + dt.timedelta(milliseconds=position)
            db.add(GroupMember(group_id=group.id, user_id=operator.id, created_at=joined_at))
        await db.commit()
        return project, status


async def add_contact(sessions: Sessions, project: Project, last_digit: int = 9, **values: object) -> Contact:
    """A contact whose number's last digit picks what pbx-sim's client does (9: answers and stays)."""
    async with sessions() as db:
        contact = Contact(
            project_id=project.id,
            phone=f"7916{random.randrange(10**6):06d}{last_digit}",
            timezone="Europe/Moscow",
            **values,
        )
        db.add(contact)
        await db.commit()
        return contact
