"""SQL of recordings: the call record behind a recording."""

import uuid

import sqlalchemy as sa
from obzvon_db.models import Call
from sqlalchemy.ext.asyncio import AsyncSession


async def find_call(db: AsyncSession, call_id: uuid.UUID) -> Call | None:
    """A call by its record id or by the dialer's attempt id (they are the same for dialer calls)."""
    return await db.scalar(sa.select(Call).where(sa.or_(Call.id == call_id, Call.attempt_id == call_id)))
