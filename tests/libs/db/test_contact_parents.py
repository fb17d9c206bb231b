"""``contacts.project_id`` and ``contacts.base_id`` keep foreign-key meaning, enforced by set-based
triggers so that base uploads (F-35) do not pay one check per row."""

import uuid

import pytest
import sqlalchemy as sa
from obzvon_db.enums import BaseImportStatus
from obzvon_db.models import Contact, ContactBase, Project
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from tests.libs.db.factories import make_contact, make_project


async def make_base(session: AsyncSession, project: Project) -> ContactBase:
    base = ContactBase(
        project_id=project.id, name="База", file_name="база.csv", status=BaseImportStatus.READY
    )
    session.add(base)
    await session.flush()
    return base


async def test_insert_needs_an_existing_project(db_session: AsyncSession) -> None:
    with pytest.raises(IntegrityError, match="does not exist"):
        async with db_session.begin_nested():
            db_session.add(Contact(project_id=uuid.uuid4(), phone="79111111111"))
            await db_session.flush()


async def test_insert_needs_an_existing_base(db_session: AsyncSession) -> None:
    project = await make_project(db_session)
    with pytest.raises(IntegrityError, match="does not exist"):
        async with db_session.begin_nested():
            db_session.add(Contact(project_id=project.id, base_id=uuid.uuid4(), phone="79111111111"))
            await db_session.flush()


async def test_bulk_insert_with_one_orphan_writes_nothing(db_session: AsyncSession) -> None:
    project = await make_project(db_session)
    rows = [{"project_id": project.id, "phone": f"7911000000{n}"} for n in range(5)]
    rows.append({"project_id": uuid.uuid4(), "phone": "79110000009"})
    with pytest.raises(IntegrityError):
        async with db_session.begin_nested():
            await db_session.execute(sa.insert(Contact), rows)
    assert await db_session.scalar(sa.select(sa.func.count()).where(Contact.project_id == project.id)) == 0


async def test_moving_a_contact_to_a_missing_project_or_base_is_refused(db_session: AsyncSession) -> None:
    project = await make_project(db_session)
    contact = await make_contact(db_session, project)
    for values in ({"project_id": uuid.uuid4()}, {"base_id": uuid.uuid4()}):
        with pytest.raises(IntegrityError, match="does not exist"):
            async with db_session.begin_nested():
                await db_session.execute(sa.update(Contact).where(Contact.id == contact.id).values(**values))
    base = await make_base(db_session, project)
    await db_session.execute(sa.update(Contact).where(Contact.id == contact.id).values(base_id=base.id))


async def test_deleting_a_project_deletes_its_contacts(db_session: AsyncSession) -> None:
    project, other = await make_project(db_session), await make_project(db_session)
    await make_contact(db_session, project, "79111111111")
    kept = await make_contact(db_session, other, "79111111111")
    await db_session.execute(sa.delete(Project).where(Project.id == project.id))
    remaining = (await db_session.scalars(sa.select(Contact.id).where(Contact.phone == "79111111111"))).all()
    assert remaining == [kept.id]


async def test_deleting_a_base_keeps_its_contacts_without_a_base(db_session: AsyncSession) -> None:
    project = await make_project(db_session)
    base = await make_base(db_session, project)
    contact = Contact(project_id=project.id, base_id=base.id, phone="79111111111")
    db_session.add(contact)
    await db_session.flush()
    await db_session.execute(sa.delete(ContactBase).where(ContactBase.id == base.id))
    assert await db_session.scalar(sa.select(Contact.base_id).where(Contact.id == contact.id)) is None
