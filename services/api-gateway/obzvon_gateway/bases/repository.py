"""SQL of contact bases: the base rows and their tags, stale uploads, the project's card fields, and
removing blacklisted numbers. Statistics, error reports and exports are asyncpg functions of
``obzvon_reporting`` (called by the service with a plain connection)."""

import datetime as dt
import uuid
from collections.abc import Sequence

import sqlalchemy as sa
from obzvon_db.enums import BaseImportStatus, ContactStatus
from obzvon_db.models import BlacklistEntry, CardField, Contact, ContactBase, ContactBaseTag, Tag
from sqlalchemy.ext.asyncio import AsyncSession


async def create_pending(
    db: AsyncSession,
    *,
    project_id: uuid.UUID,
    name: str,
    file_name: str,
    stored_name: str,
    mapping: dict[str, str],
    uploaded_by: uuid.UUID,
) -> ContactBase:
    base = ContactBase(
        project_id=project_id,
        name=name,
        file_name=file_name,
        stored_name=stored_name,
        status=BaseImportStatus.PENDING,
        column_mapping=mapping,
        uploaded_by=uploaded_by,
    )
    db.add(base)
    await db.flush()
    return base


async def get(
    db: AsyncSession, project_id: uuid.UUID, base_id: uuid.UUID, *, for_update: bool = False
) -> ContactBase | None:
    statement = sa.select(ContactBase).where(ContactBase.id == base_id, ContactBase.project_id == project_id)
    if for_update:
        statement = statement.with_for_update()
    return await db.scalar(statement)


async def list_bases(db: AsyncSession, project_id: uuid.UUID) -> list[ContactBase]:
    """Bases whose import started (uploads still waiting for a mapping are not bases yet)."""
    rows = await db.scalars(
        sa.select(ContactBase)
        .where(ContactBase.project_id == project_id, ContactBase.status != BaseImportStatus.PENDING)
        .order_by(ContactBase.created_at.desc(), ContactBase.id)
    )
    return list(rows)


async def tags_of(db: AsyncSession, base_ids: Sequence[uuid.UUID]) -> dict[uuid.UUID, list[str]]:
    rows = await db.execute(
        sa.select(ContactBaseTag.base_id, Tag.name)
        .join(Tag, Tag.id == ContactBaseTag.tag_id)
        .where(ContactBaseTag.base_id.in_(base_ids))
        .order_by(Tag.name)
    )
    tags: dict[uuid.UUID, list[str]] = {base_id: [] for base_id in base_ids}
    for base_id, name in rows:
        tags[base_id].append(name)
    return tags


async def take_stale_uploads(db: AsyncSession, older_than: dt.datetime) -> list[str]:
    """Delete uploads that waited for a mapping since before ``older_than``; returns their stored names."""
    rows = await db.scalars(
        sa.delete(ContactBase)
        .where(ContactBase.status == BaseImportStatus.PENDING, ContactBase.created_at < older_than)
        .returning(ContactBase.stored_name)
    )
    return [name for name in rows if name]


async def card_fields(db: AsyncSession, project_id: uuid.UUID) -> list[tuple[str, str]]:
    """The project's custom card fields as ``(key, label)`` (F-23)."""
    rows = await db.execute(
        sa.select(CardField.key, CardField.label)
        .where(CardField.project_id == project_id, CardField.is_custom.is_(True))
        .order_by(CardField.position, CardField.key)
    )
    return [(key, label) for key, label in rows]


async def remove_blacklisted(db: AsyncSession, base_id: uuid.UUID) -> int:
    """Soft-delete the base's contacts whose number is blacklisted (not one in a call right now)."""
    result = await db.execute(
        sa.update(Contact)
        .where(
            Contact.base_id == base_id,
            Contact.deleted_at.is_(None),
            Contact.status != ContactStatus.IN_PROGRESS,
            Contact.phone.in_(sa.select(BlacklistEntry.phone)),
        )
        .values(deleted_at=sa.func.now(), updated_at=sa.func.now())
        .execution_options(synchronize_session=False)
    )
    return int(getattr(result, "rowcount", 0) or 0)
