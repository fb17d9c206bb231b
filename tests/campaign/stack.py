"""Test data of the campaign tests: a running project on a trunk with its rules, and its contacts."""

import asyncio
import datetime as dt
import random
import time
import uuid
from collections.abc import Awaitable, Callable, Sequence
from typing import TypeVar

import sqlalchemy as sa
from obzvon_db.enums import LIVE_ATTEMPT_STATES, DialMode, RetryOutcome
from obzvon_db.models import Attempt, Contact, Project, ProjectRetryRule, Trunk
from obzvon_pbx_sim import PbxSim
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

AMI_USER = "obzvon-campaign"
AMI_SECRET = uuid.uuid4().hex
#: pbx-sim: 1 simulated second = 100 ms.
SIM_SCALE = 0.1
#: Retry delays and the global timeout: 1 minute = 0.6 s.
CAMPAIGN_SCALE = 0.01
DIAL_TIMEOUT = 10  # simulated seconds: 1 s of wall time

T = TypeVar("T")
Sessions = async_sessionmaker[AsyncSession]


def phone_ending(digit: int) -> str:
    return f"7916{random.randrange(10**6):06d}{digit}"


async def running_project(
    sessions: Sessions,
    *,
    retry: dict[RetryOutcome, tuple[list[int], int]] | None = None,
    max_attempts: int = 5,
    max_concurrent_calls: int = 5,
    global_timeout_s: int | None = None,
    running: bool = False,
) -> Project:
    """A project calling around the clock (client window 00:00–23:59 Moscow time), unlimited mode."""
    async with sessions() as db:
        trunk = Trunk(name=f"trunk-{uuid.uuid4().hex[:6]}", username="obzvon", host="sip.example.net")
        db.add(trunk)
        await db.flush()
        project = Project(
            name=f"Кампания {uuid.uuid4().hex[:6]}",
            trunk_id=trunk.id,
            caller_id="74951234567",
            dial_timeout_s=DIAL_TIMEOUT,
            dial_mode=DialMode.UNLIMITED,
            max_concurrent_calls=max_concurrent_calls,
            max_attempts=max_attempts,
            client_window_start=dt.time(0, 0),
            client_window_end=dt.time(23, 59, 59),
            global_timeout_s=global_timeout_s,
            queue_timeout_s=600,
            record_calls=False,
            is_running=running,
        )
        db.add(project)
        await db.flush()
        for outcome, (intervals, attempts) in (retry or {}).items():
            db.add(
                ProjectRetryRule(
                    project_id=project.id, outcome=outcome, intervals_minutes=intervals, max_attempts=attempts
                )
            )
        await db.commit()
        return project


async def add_contacts(sessions: Sessions, project: Project, phones: Sequence[str]) -> list[Contact]:
    async with sessions() as db:
        contacts = [Contact(project_id=project.id, phone=phone, timezone="Europe/Moscow") for phone in phones]
        db.add_all(contacts)
        await db.commit()
        return contacts


async def set_running(sessions: Sessions, project: Project, running: bool = True) -> None:
    async with sessions() as db:
        await db.execute(sa.update(Project).where(Project.id == project.id).values(is_running=running))
        await db.commit()


async def contact(sessions: Sessions, contact_id: uuid.UUID) -> Contact:
    async with sessions() as db:
        row = await db.get(Contact, contact_id)
        assert row is not None
        return row


async def attempts_of(sessions: Sessions, project: Project) -> list[Attempt]:
    async with sessions() as db:
        return list(await db.scalars(sa.select(Attempt).where(Attempt.project_id == project.id)))


async def live_attempts(sessions: Sessions, project: Project) -> int:
    async with sessions() as db:
        count = await db.scalar(
            sa.select(sa.func.count()).where(
                Attempt.project_id == project.id, Attempt.state.in_(LIVE_ATTEMPT_STATES)
            )
        )
        return int(count or 0)


def originated(sim: PbxSim, phone: str) -> int:
    return sum(1 for entry in sim.ledger.entries if entry.number == phone)


async def eventually(check: Callable[[], Awaitable[T | None]], within: float = 20.0) -> T:
    """Poll ``check`` (rows in the database announce nothing) until it returns something."""
    deadline = time.monotonic() + within
    while True:
        result = await check()
        if result is not None and result is not False:
            return result
        if time.monotonic() > deadline:
            raise TimeoutError("condition not met in time")
        await asyncio.sleep(0.05)
