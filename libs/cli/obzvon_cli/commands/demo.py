"""`obzvon seed-demo`: demo accounts, a group and a project, so a newcomer can try the product at once.

Passwords are generated on first creation (or taken from OBZVON_DEMO_PASSWORD) and kept, readable only
by the owner, in var/demo-credentials.json so that `make run` can print the logins each time.
"""

import argparse
import asyncio
import json
import os
import secrets
from pathlib import Path

from obzvon_db.models import Group, GroupMember, Project, ProjectGroup, ProjectSupervisor, User
from obzvon_db.session import create_engine, create_sessionmaker
from obzvon_platform.settings import common_settings
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

CREDENTIALS = Path(os.environ.get("OBZVON_DEMO_CREDENTIALS", "var/demo-credentials.json"))
DEMO_USERS = [
    ("admin@obzvon.local", "Анна Админова", "admin", None),
    ("supervisor@obzvon.local", "Сергей Супервайзеров", "supervisor", None),
    ("operator1@obzvon.local", "Ольга Операторова", "operator", "101"),
    ("operator2@obzvon.local", "Олег Звонарёв", "operator", "102"),
    ("operator3@obzvon.local", "Ирина Связистова", "operator", "103"),
]
GROUP_NAME = "Демо-группа"
PROJECT_NAME = "Демо-проект"


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("seed-demo", help="create demo accounts, a group and a project (idempotent)")
    p.set_defaults(handler=run)


def credentials_text() -> str:
    if not CREDENTIALS.exists():
        return "  (no demo accounts: run `obzvon seed-demo`)"
    creds = stored_credentials()
    return "\n".join(f"  {email:<26} {password}" for email, password in creds.items())


async def _user(session: AsyncSession, email: str) -> User | None:
    found = await session.scalars(
        select(User).where(func.lower(User.email) == email, User.deleted_at.is_(None))
    )
    return found.first()


async def seed(session: AsyncSession, creds: dict[str, str]) -> None:
    from obzvon_gateway.users.service import create_user

    fixed = os.environ.get("OBZVON_DEMO_PASSWORD")
    users: dict[str, User] = {}
    for email, name, role, extension in DEMO_USERS:
        user = await _user(session, email)
        if user is None:
            password = fixed or creds.get(email) or secrets.token_urlsafe(9)
            user = await create_user(
                session, email=email, password=password, full_name=name, role=role, extension=extension
            )
            creds[email] = password
        users[email] = user
    group = (await session.scalars(select(Group).where(Group.name == GROUP_NAME))).first()
    if group is None:
        group = Group(name=GROUP_NAME)
        session.add(group)
        await session.flush()
        for email, user in users.items():
            if email.startswith("operator"):
                session.add(GroupMember(group_id=group.id, user_id=user.id))
    project = (await session.scalars(select(Project).where(Project.name == PROJECT_NAME))).first()
    if project is None:
        project = Project(name=PROJECT_NAME)
        session.add(project)
        await session.flush()
        session.add(ProjectGroup(project_id=project.id, group_id=group.id))
        session.add(ProjectSupervisor(project_id=project.id, user_id=users["supervisor@obzvon.local"].id))


def stored_credentials() -> dict[str, str]:
    return json.loads(CREDENTIALS.read_text("utf-8")) if CREDENTIALS.exists() else {}


async def seed_demo(creds: dict[str, str]) -> dict[str, str]:
    engine = create_engine(common_settings().database_url)
    try:
        async with create_sessionmaker(engine)() as session:
            await seed(session, creds)
            await session.commit()
    finally:
        await engine.dispose()
    return creds


def run(args: argparse.Namespace) -> int:
    creds = asyncio.run(seed_demo(stored_credentials()))
    CREDENTIALS.parent.mkdir(parents=True, exist_ok=True)
    CREDENTIALS.write_text(json.dumps(creds, ensure_ascii=False, indent=2), encoding="utf-8")
    CREDENTIALS.chmod(0o600)
    print(f"demo ready: {len(creds)} accounts, group «{GROUP_NAME}», project «{PROJECT_NAME}»")
    print(credentials_text())
    return 0
