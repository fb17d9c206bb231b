"""Committed data for queue-router tests: operators with extensions, projects with groups and settings."""

import itertools
import uuid

from obzvon_db.enums import OperatorState, QueueStrategy, UserRole
from obzvon_db.models import Contact, Group, GroupMember, Project, ProjectGroup, User
from obzvon_platform.operator_states import switch_state
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

_extensions = itertools.count(int(uuid.uuid4().int % 9_000_000) * 10 + 10_000_000)


async def add_operators(
    sessions: async_sessionmaker[AsyncSession], count: int, label: str = "Оператор"
) -> list[User]:
    """``count`` operators named ``<label> 1..count`` (the list order of a project's group by name)."""
    tag = uuid.uuid4().hex[:6]
    async with sessions() as db:
        users = [
            User(
                email=f"op-{tag}-{i}@example.com",
                full_name=f"{label} {i}",
                role=UserRole.OPERATOR,
                password_hash="not-a-hash",
                extension=str(next(_extensions)),
            )
            for i in range(1, count + 1)
        ]
        db.add_all(users)
        await db.commit()
        return users


async def add_project(
    sessions: async_sessionmaker[AsyncSession],
    operators: list[User],
    *,
    strategy: QueueStrategy = QueueStrategy.LINEAR,
    queue_timeout_s: int = 60,
    operator_timeout_s: int = 15,
    auto_answer: bool = False,
) -> Project:
    async with sessions() as db:
        project = Project(
            name=f"Проект {uuid.uuid4().hex[:6]}",
            strategy=strategy,
            queue_timeout_s=queue_timeout_s,
            operator_timeout_s=operator_timeout_s,
            auto_answer=auto_answer,
        )
        group = Group(name=f"Группа {uuid.uuid4().hex[:6]}")
        db.add_all([project, group])
        await db.flush()
        db.add(ProjectGroup(project_id=project.id, group_id=group.id))
        db.add_all([GroupMember(group_id=group.id, user_id=o.id) for o in operators])
        await db.commit()
        return project


async def add_contact(
    sessions: async_sessionmaker[AsyncSession], project: Project, **values: object
) -> Contact:
    async with sessions() as db:
        contact = Contact(project_id=project.id, phone=f"79{uuid.uuid4().int % 10**9:09d}", **values)
        db.add(contact)
        await db.commit()
        return contact


async def choose(sessions: async_sessionmaker[AsyncSession], operator: User, state: OperatorState) -> None:
    """The operator picks a state in the SPA (what the gateway writes)."""
    async with sessions() as db, db.begin():
        await switch_state(db, operator.id, state, producer="api-gateway")
