"""Test data and helpers of the telephony tests: projects on a trunk, contacts, commands, and waiting
for events on the bus and for rows in the database."""

import asyncio
import random
import time
import uuid
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import TypeVar

import sqlalchemy as sa
from obzvon_db.enums import AttemptState, UserRole
from obzvon_db.models import Attempt, Call, Contact, Project, Trunk, User
from obzvon_events import Envelope
from obzvon_events.commands import ConnectCall, HangupCall, OriginateCall
from obzvon_pbx_sim import PbxSim
from obzvon_platform.bus import Bus, Consumer, QueueSpec
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

#: pbx-sim's time scale: 1 simulated second = 100 ms.
SCALE = 0.1
#: Dial timeout of the test projects, in simulated seconds (1 s of wall time).
DIAL_TIMEOUT = 10
CALLER_ID = "74951234567"

T = TypeVar("T")
Sessions = async_sessionmaker[AsyncSession]


#: Operators' phones in pbx-sim: 101 answers after 1 s, 102 never answers, 103 is busy.
EXTENSIONS = ("101", "102", "103")


@dataclass
class World:
    trunk: Trunk
    project: Project
    amd_project: Project
    operators: dict[str, User]

    @property
    def operator(self) -> User:
        """The operator whose phone answers."""
        return self.operators["101"]


async def build_world(sessions: Sessions) -> World:
    async with sessions() as db:
        trunk = Trunk(name=f"trunk-{uuid.uuid4().hex[:6]}", username="obzvon", host="sip.example.net")
        db.add(trunk)
        await db.flush()
        projects = [
            Project(
                name=f"Обзвон {label} {uuid.uuid4().hex[:4]}",
                trunk_id=trunk.id,
                caller_id=CALLER_ID,
                dial_timeout_s=DIAL_TIMEOUT,
                amd_enabled=amd,
                record_calls=True,
                queue_timeout_s=120,
            )
            for label, amd in (("тест", False), ("АМД", True))
        ]
        operators = {
            extension: User(
                email=f"op-{extension}-{uuid.uuid4().hex[:8]}@example.test",
                full_name=f"Оператор {extension}",
                role=UserRole.OPERATOR,
                password_hash="$argon2id$v=19$m=19456,t=2,p=1$test$test",
                extension=extension,
            )
            for extension in EXTENSIONS
        }
        db.add_all([*projects, *operators.values()])
        await db.commit()
        return World(trunk, projects[0], projects[1], operators)


def phone_ending(digit: int) -> str:
    return f"7916{random.randrange(10**6):06d}{digit}"


async def add_contact(sessions: Sessions, project: Project, digit: int) -> Contact:
    async with sessions() as db:
        contact = Contact(project_id=project.id, phone=phone_ending(digit))
        db.add(contact)
        await db.commit()
        return contact


def originate_command(project: Project, contact: Contact, call_id: uuid.UUID | None = None) -> OriginateCall:
    return OriginateCall(
        call_id=call_id or uuid.uuid4(),
        project_id=project.id,
        contact_id=contact.id,
        phone=contact.phone,
        timeout_seconds=DIAL_TIMEOUT,
    )


async def send(bus: Bus, command: OriginateCall | ConnectCall | HangupCall) -> Envelope:
    return await bus.publish_event(command, "tests", require_route=True)


async def eventually(check: Callable[[], Awaitable[T | None]], within: float = 20.0) -> T:
    """Poll ``check`` (rows in the database announce nothing) until it returns something."""
    deadline = time.monotonic() + within
    while True:
        result = await check()
        if result is not None:
            return result
        if time.monotonic() > deadline:
            raise TimeoutError("condition not met in time")
        await asyncio.sleep(0.05)


async def finished_record(sessions: Sessions, call_id: uuid.UUID, within: float = 20.0) -> Call:
    """The call record once its end is known (reporting got ``call_ended``)."""

    async def check() -> Call | None:
        async with sessions() as db:
            return await db.scalar(sa.select(Call).where(Call.id == call_id, Call.outcome.is_not(None)))

    return await eventually(check, within)


async def attempt(sessions: Sessions, call_id: uuid.UUID) -> Attempt | None:
    async with sessions() as db:
        return await db.get(Attempt, call_id)


async def attempt_in(
    sessions: Sessions, call_id: uuid.UUID, states: set[AttemptState], within: float = 20.0
) -> Attempt:
    async def check() -> Attempt | None:
        row = await attempt(sessions, call_id)
        return row if row is not None and row.state in states else None

    return await eventually(check, within)


async def records_of(sessions: Sessions, contact: Contact) -> list[Call]:
    async with sessions() as db:
        return list(await db.scalars(sa.select(Call).where(Call.contact_id == contact.id)))


def originates_of(sim: PbxSim, call_id: uuid.UUID) -> int:
    """How many Originate actions the PBX received for this attempt (its ChannelId)."""
    return len(sim.ledger.by_channel_id(str(call_id)))


class EventWatch:
    """Every ``telephony.*`` event (or what ``keys`` bind) on the stack's exchange, awaitable by name
    and call id."""

    def __init__(self, bus: Bus, keys: tuple[str, ...] = ("telephony.#",)) -> None:
        self.envelopes: list[Envelope] = []
        self._changed = asyncio.Condition()
        spec = QueueSpec(f"tests.telephony.{uuid.uuid4().hex[:8]}", keys, per_instance=True)
        self.consumer = Consumer(bus, spec, self._received)

    async def start(self) -> None:
        await self.consumer.start()

    async def stop(self) -> None:
        await self.consumer.stop()

    async def _received(self, envelope: Envelope) -> None:
        async with self._changed:
            self.envelopes.append(envelope)
            self._changed.notify_all()

    def of(self, call_id: uuid.UUID, name: str | None = None) -> list[Envelope]:
        return [
            e
            for e in self.envelopes
            if e.data.get("call_id") == str(call_id) and (name is None or e.name == name)
        ]

    async def wait(self, call_id: uuid.UUID, name: str, within: float = 20.0) -> Envelope:
        async with self._changed:
            await asyncio.wait_for(self._changed.wait_for(lambda: bool(self.of(call_id, name))), within)
        return self.of(call_id, name)[0]
