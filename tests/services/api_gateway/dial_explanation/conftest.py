"""A running project whose contacts cover the dialling rules (F-22, F-24, F-26, F-40): one contact per
reason a contact is or is not dialled, with the history (attempts, statuses) the dialer would have left."""

import datetime as dt
import uuid
from dataclasses import dataclass
from zoneinfo import ZoneInfo

import pytest
from obzvon_db.enums import AttemptState, CallOutcome, ContactStatus, RetryOutcome
from obzvon_db.models import (
    Attempt,
    BlacklistEntry,
    Contact,
    Project,
    ProjectRetryRule,
    ProjectSupervisor,
    Trunk,
)
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from tests.services.api_gateway.factories import World

Sessions = async_sessionmaker[AsyncSession]
HOUR = dt.timedelta(hours=1)


def phone() -> str:
    return f"7916{uuid.uuid4().int % 10**7:07d}"


def calling_zones(now: dt.datetime) -> tuple[str, str]:
    """(a zone where it is between 02:00 and 20:00 now, the zone ten hours away): Kaliningrad (UTC+2)
    and Kamchatka (UTC+12), one of which is always in that band."""
    west, east = "Europe/Kaliningrad", "Asia/Kamchatka"
    hour = now.astimezone(ZoneInfo(west)).hour
    return (west, east) if 2 <= hour < 20 else (east, west)


@dataclass
class RulesWorld:
    project: Project
    idle: Project  # not running
    contacts: dict[str, Contact]
    outside_zone: str  # a client zone where the window is closed now


async def _attempts(db: AsyncSession, contact: Contact, outcome: CallOutcome, count: int) -> None:
    ended = dt.datetime.now(dt.UTC) - 2 * HOUR
    for n in range(count):
        db.add(
            Attempt(
                contact_id=contact.id,
                project_id=contact.project_id,
                attempt_number=n + 1,
                phone=contact.phone,
                state=AttemptState.FINISHED,
                outcome=outcome,
                ended_at=ended,
            )
        )


@pytest.fixture
async def rules_world(sessions: Sessions, world: World) -> RulesWorld:
    """Supervised by supervisor A. The client window spans an hour before to two hours after the
    current time of the "calling" zone, so a client in the zone ten hours away is outside it."""
    now = dt.datetime.now(dt.UTC)
    inside, outside = calling_zones(now)
    local = now.astimezone(ZoneInfo(inside))
    window = ((local - HOUR).time().replace(second=0, microsecond=0), (local + 2 * HOUR).time())
    async with sessions() as db, db.begin():
        trunk = Trunk(name=f"explain-{uuid.uuid4().hex[:6]}", username="obzvon", host="sip.example.net")
        db.add(trunk)
        await db.flush()
        settings = {
            "trunk_id": trunk.id,
            "caller_id": "74951234567",
            "client_window_start": window[0],
            "client_window_end": window[1],
            "max_attempts": 4,
        }
        project = Project(name=f"Правила {uuid.uuid4().hex[:6]}", is_running=True, **settings)
        idle = Project(name=f"Стоит {uuid.uuid4().hex[:6]}", is_running=False, **settings)
        db.add_all([project, idle])
        await db.flush()
        for p in (project, idle):
            busy = ProjectRetryRule(
                project_id=p.id, outcome=RetryOutcome.BUSY, intervals_minutes=[15, 60], max_attempts=3
            )
            db.add_all([busy, ProjectSupervisor(project_id=p.id, user_id=world.sup_a.id)])
        contacts = {
            "fresh": Contact(project_id=project.id, phone=phone(), timezone=inside),
            "blacklisted": Contact(project_id=project.id, phone=phone(), timezone=inside),
            "busy_due": Contact(
                project_id=project.id, phone=phone(), timezone=inside, status=ContactStatus.BUSY,
                attempts_count=1, next_attempt_at=now - HOUR,
            ),
            "busy_waiting": Contact(
                project_id=project.id, phone=phone(), timezone=inside, status=ContactStatus.BUSY,
                attempts_count=1, next_attempt_at=now + HOUR,
            ),
            "busy_exhausted": Contact(
                project_id=project.id, phone=phone(), timezone=inside, status=ContactStatus.BUSY,
                attempts_count=3,
            ),
            "max_attempts": Contact(
                project_id=project.id, phone=phone(), timezone=inside, status=ContactStatus.NO_ANSWER,
                attempts_count=4,
            ),
            "called": Contact(
                project_id=project.id, phone=phone(), timezone=inside, status=ContactStatus.CALLED,
                attempts_count=1,
            ),
            "outside_window": Contact(project_id=project.id, phone=phone(), timezone=outside),
            "unknown_zone": Contact(project_id=project.id, phone=phone(), timezone=None),
            "idle_project": Contact(project_id=idle.id, phone=phone(), timezone=inside),
        }  # fmt: skip
        db.add_all(contacts.values())
        await db.flush()
        db.add(BlacklistEntry(phone=contacts["blacklisted"].phone))
        await _attempts(db, contacts["busy_due"], CallOutcome.BUSY, 1)
        await _attempts(db, contacts["busy_waiting"], CallOutcome.BUSY, 1)
        await _attempts(db, contacts["busy_exhausted"], CallOutcome.BUSY, 3)
        await _attempts(db, contacts["max_attempts"], CallOutcome.NO_ANSWER, 4)
        await _attempts(db, contacts["called"], CallOutcome.ANSWERED, 1)
    return RulesWorld(project, idle, contacts, outside)
