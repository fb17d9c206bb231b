"""Minimal rows for database tests."""

import secrets

from obzvon_db.enums import UserRole
from obzvon_db.models import Contact, Project, User
from sqlalchemy.ext.asyncio import AsyncSession


async def make_user(
    session: AsyncSession, *, role: UserRole = UserRole.OPERATOR, extension: str | None = None
) -> User:
    user = User(
        email=f"user-{secrets.token_hex(4)}@example.test",
        full_name="Тестовый Оператор",
        role=role,
        password_hash="$argon2id$v=19$m=19456,t=2,p=1$test$test",
        extension=extension,
    )
    session.add(user)
    await session.flush()
    return user


async def make_project(session: AsyncSession) -> Project:
    project = Project(name=f"Проект {secrets.token_hex(3)}")
    session.add(project)
    await session.flush()
    return project


async def make_contact(session: AsyncSession, project: Project, phone: str = "79111111111") -> Contact:
    contact = Contact(project_id=project.id, phone=phone)
    session.add(contact)
    await session.flush()
    return contact
