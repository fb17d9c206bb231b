"""SQL for placing calls: the project's dialing settings, trunks, and the attempt row itself."""

import datetime as dt
import uuid
from enum import StrEnum

import sqlalchemy as sa
from obzvon_db.enums import AttemptState, CallType
from obzvon_db.models import Attempt, Project, Trunk, User
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

LIVE_CONTACT_INDEX = "uq_attempts_live_contact"


class Registered(StrEnum):
    NEW = "new"  # the attempt is now ours, in ``originating``
    ALREADY = "already"  # the attempt exists past ``pending``: it was originated before
    CONTACT_BUSY = "contact_busy"  # I1: the contact already has a live attempt


async def project(session: AsyncSession, project_id: uuid.UUID) -> Project | None:
    return await session.get(Project, project_id)


async def trunk_for(
    session: AsyncSession,
    trunk_id: uuid.UUID | None,
    operator_id: uuid.UUID | None,
    fallback: uuid.UUID | None,
) -> uuid.UUID | None:
    """The first active trunk of: the one asked for, the operator's own, the project's."""
    candidates: list[uuid.UUID | None] = [trunk_id]
    if operator_id is not None:
        candidates.append(await session.scalar(sa.select(User.trunk_id).where(User.id == operator_id)))
    candidates.append(fallback)
    for candidate in candidates:
        if candidate is None:
            continue
        if await session.scalar(sa.select(Trunk.id).where(Trunk.id == candidate, Trunk.is_active)):
            return candidate
    return None


async def extension_of(session: AsyncSession, operator_id: uuid.UUID) -> str | None:
    """The operator's internal extension (their phone), if they have one and are not deleted."""
    return await session.scalar(
        sa.select(User.extension).where(User.id == operator_id, User.deleted_at.is_(None))
    )


async def register_attempt(
    session: AsyncSession,
    *,
    attempt_id: uuid.UUID,
    project_id: uuid.UUID,
    contact_id: uuid.UUID,
    phone: str,
    call_type: CallType,
    operator_id: uuid.UUID | None,
    trunk_id: uuid.UUID,
    caller_id: str | None,
    lease_seconds: float,
    instance: str,
) -> Registered:
    """Insert the attempt in ``originating`` (or move a ``pending`` one there), leased to ``instance``.

    A second live attempt for the contact violates ``uq_attempts_live_contact`` (I1): the savepoint
    is rolled back and the caller's transaction goes on.
    """
    values = {
        "state": AttemptState.ORIGINATING,
        "lease_until": sa.func.now() + dt.timedelta(seconds=lease_seconds),
        "dialer_instance": instance,
        "phone": phone,
        "trunk_id": trunk_id,
        "caller_id": caller_id,
        "operator_id": operator_id,
    }
    number = sa.select(sa.func.count() + 1).where(Attempt.contact_id == contact_id).scalar_subquery()
    statement = (
        insert(Attempt)
        .values(
            id=attempt_id,
            project_id=project_id,
            contact_id=contact_id,
            call_type=call_type,
            attempt_number=number,
            **values,
        )
        .on_conflict_do_update(
            index_elements=["id"], set_=values, where=Attempt.state == AttemptState.PENDING
        )
        .returning(Attempt.id)
    )
    try:
        async with session.begin_nested():
            inserted = (await session.execute(statement)).first()
    except IntegrityError as exc:
        if LIVE_CONTACT_INDEX in str(exc.orig):
            return Registered.CONTACT_BUSY
        raise
    return Registered.NEW if inserted is not None else Registered.ALREADY
