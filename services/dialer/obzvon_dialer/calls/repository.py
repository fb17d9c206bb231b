"""SQL on attempts and contacts for the call state machine."""

import datetime as dt
import uuid

import sqlalchemy as sa
from obzvon_db.enums import LIVE_ATTEMPT_STATES
from obzvon_db.models import Attempt, Contact, User
from sqlalchemy.ext.asyncio import AsyncSession


async def lock_attempt(session: AsyncSession, attempt_id: uuid.UUID) -> Attempt | None:
    """The attempt, locked until the transaction ends (one writer per call at a time)."""
    return await session.get(Attempt, attempt_id, with_for_update=True, populate_existing=True)


async def save_attempt(
    session: AsyncSession, attempt: Attempt, values: dict[str, object], lease_seconds: float
) -> None:
    """Write the view's columns back; a live attempt's lease is extended (the PBX still talks about it)."""
    for name, value in values.items():
        setattr(attempt, name, value)
    if values.get("state") in LIVE_ATTEMPT_STATES:
        attempt.lease_until = sa.func.greatest(
            sa.func.coalesce(Attempt.lease_until, sa.func.now()),
            sa.func.now() + dt.timedelta(seconds=lease_seconds),
        )
    await session.flush()


async def schedule_retry(session: AsyncSession, contact_id: uuid.UUID, after_seconds: float) -> None:
    """Make the contact due again ``after_seconds`` from now (database time)."""
    await session.execute(
        sa.update(Contact)
        .where(Contact.id == contact_id)
        .values(next_attempt_at=sa.func.now() + dt.timedelta(seconds=after_seconds))
    )


async def extension_of(session: AsyncSession, operator_id: uuid.UUID) -> str | None:
    return await session.scalar(sa.select(User.extension).where(User.id == operator_id))
