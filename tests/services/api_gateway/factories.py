"""Committed test data for the gateway: users, projects with supervisors and operator groups."""

import uuid
from dataclasses import dataclass

from obzvon_db.enums import UserRole
from obzvon_db.models import Group, GroupMember, Notification, Project, ProjectGroup, ProjectSupervisor, User
from obzvon_gateway.security.passwords import PasswordHasher
from obzvon_gateway.users.service import create_user
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

#: argon2id with tiny costs, for creating many users quickly; production parameters are tested apart.
FAST_HASHER = PasswordHasher(time_cost=1, memory_cost_kib=1024, parallelism=1)
PASSWORD = "correct horse battery staple"


def unique_email(label: str) -> str:
    return f"{label}-{uuid.uuid4().hex[:10]}@example.com"


async def add_user(
    sessions: async_sessionmaker[AsyncSession], role: UserRole, label: str | None = None, **kwargs: object
) -> User:
    extension = str(uuid.uuid4().int % 90_000_000 + 10_000_000) if role == UserRole.OPERATOR else None
    async with sessions() as db:
        user = await create_user(
            db,
            unique_email(label or role.value),
            PASSWORD,
            f"{(label or role.value).title()} Тестовый",
            role,
            extension,
            hasher=FAST_HASHER,
        )
        for key, value in kwargs.items():
            setattr(user, key, value)
        await db.commit()
        return user


async def add_project(
    sessions: async_sessionmaker[AsyncSession], name: str, supervisors: list[User], operators: list[User]
) -> Project:
    """A project supervised by `supervisors`, taking calls from a group of `operators`."""
    async with sessions() as db:
        project = Project(name=f"{name} {uuid.uuid4().hex[:6]}")
        group = Group(name=f"group {name} {uuid.uuid4().hex[:6]}")
        db.add_all([project, group])
        await db.flush()
        db.add_all([ProjectSupervisor(project_id=project.id, user_id=s.id) for s in supervisors])
        db.add_all([GroupMember(group_id=group.id, user_id=o.id) for o in operators])
        db.add(ProjectGroup(project_id=project.id, group_id=group.id))
        await db.commit()
        return project


async def add_notification(
    sessions: async_sessionmaker[AsyncSession], user: User, title: str
) -> Notification:
    async with sessions() as db:
        notification = Notification(user_id=user.id, kind="system", title=title)
        db.add(notification)
        await db.commit()
        return notification


@dataclass
class World:
    """Admin; supervisor A with P1 and P2; supervisor B with P3; operator 1 in P1, operator 2 in P3."""

    admin: User
    sup_a: User
    sup_b: User
    op1: User
    op2: User
    p1: Project
    p2: Project
    p3: Project
    n1: Notification
    n2: Notification


async def build_world(sessions: async_sessionmaker[AsyncSession]) -> World:
    admin = await add_user(sessions, UserRole.ADMIN)
    sup_a = await add_user(sessions, UserRole.SUPERVISOR, "sup-a")
    sup_b = await add_user(sessions, UserRole.SUPERVISOR, "sup-b")
    op1 = await add_user(sessions, UserRole.OPERATOR, "op1")
    op2 = await add_user(sessions, UserRole.OPERATOR, "op2")
    return World(
        admin=admin,
        sup_a=sup_a,
        sup_b=sup_b,
        op1=op1,
        op2=op2,
        p1=await add_project(sessions, "P1", [sup_a], [op1]),
        p2=await add_project(sessions, "P2", [sup_a], []),
        p3=await add_project(sessions, "P3", [sup_b], [op2]),
        n1=await add_notification(sessions, op1, "Задача для оператора 1"),
        n2=await add_notification(sessions, op2, "Задача для оператора 2"),
    )
