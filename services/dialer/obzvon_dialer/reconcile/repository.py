"""SQL of the reconciler: this dialer's live attempts and their leases."""

import datetime as dt
import uuid
from dataclasses import dataclass

import sqlalchemy as sa
from obzvon_db.enums import LIVE_ATTEMPT_STATES, AttemptState
from obzvon_db.models import Attempt
from sqlalchemy.ext.asyncio import AsyncSession


@dataclass(frozen=True)
class LiveAttempt:
    id: uuid.UUID
    state: AttemptState
    channel_seen: bool
    lease_expired: bool


async def live_attempts(session: AsyncSession, instance: str) -> list[LiveAttempt]:
    rows = await session.execute(
        sa.select(
            Attempt.id,
            Attempt.state,
            Attempt.originated_at.is_not(None),
            sa.func.coalesce(Attempt.lease_until < sa.func.now(), sa.true()),
        ).where(Attempt.dialer_instance == instance, Attempt.state.in_(LIVE_ATTEMPT_STATES))
    )
    return [LiveAttempt(row[0], row[1], bool(row[2]), bool(row[3])) for row in rows]


async def renew_leases(session: AsyncSession, attempt_ids: list[uuid.UUID], lease_seconds: float) -> None:
    if not attempt_ids:
        return
    await session.execute(
        sa.update(Attempt)
        .where(Attempt.id.in_(attempt_ids), Attempt.state.in_(LIVE_ATTEMPT_STATES))
        .values(lease_until=sa.func.now() + dt.timedelta(seconds=lease_seconds))
    )
