"""One call record per call, whatever the order of its events and however often they come (I3, F-61).

The reporting consumer's handler is fed envelopes directly: in order, shuffled, delivered twice
(the same id) and published twice (a new id, same facts). The records must be identical.
"""

import datetime as dt
import random
import uuid
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass

import pytest
import sqlalchemy as sa
from obzvon_db.enums import UserRole
from obzvon_db.models import Call, Contact, Project, Trunk, User
from obzvon_db.session import create_sessionmaker
from obzvon_events import Envelope
from obzvon_events.base import Event
from obzvon_events.calls import CallAnswered, CallConnectedToOperator, CallEnded, CallOriginated
from obzvon_reporting.calls.consumers import call_records_handler
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker

T0 = dt.datetime(2026, 4, 21, 12, 47, 0, 250000, tzinfo=dt.UTC)
COMPARED = [
    column.name
    for column in Call.__table__.c
    if column.name not in ("id", "uniqueid", "attempt_id", "created_at", "updated_at")
]


@dataclass
class Refs:
    project: uuid.UUID
    contact: uuid.UUID
    operator: uuid.UUID
    trunk: uuid.UUID


@pytest.fixture
def sessions(db_engine: AsyncEngine) -> async_sessionmaker[AsyncSession]:
    return create_sessionmaker(db_engine)


@pytest.fixture
async def refs(sessions: async_sessionmaker[AsyncSession]) -> AsyncIterator[Refs]:
    async with sessions() as db:
        project = Project(name=f"Отчёт {uuid.uuid4().hex[:6]}")
        trunk = Trunk(name=f"trunk-{uuid.uuid4().hex[:6]}", username="u", host="sip.example.net")
        operator = User(
            email=f"op-{uuid.uuid4().hex[:8]}@example.test",
            full_name="Оператор",
            role=UserRole.OPERATOR,
            password_hash="$argon2id$v=19$m=19456,t=2,p=1$test$test",
        )
        db.add_all([project, trunk, operator])
        await db.flush()
        contact = Contact(project_id=project.id, phone="79103905529")
        db.add(contact)
        await db.commit()
        yield Refs(project.id, contact.id, operator.id, trunk.id)
        await db.execute(sa.delete(Call).where(Call.project_id == project.id))
        await db.execute(sa.delete(Project).where(Project.id == project.id))
        await db.execute(sa.delete(User).where(User.id == operator.id))
        await db.execute(sa.delete(Trunk).where(Trunk.id == trunk.id))
        await db.commit()


def at(seconds: float) -> dt.datetime:
    return T0 + dt.timedelta(seconds=seconds)


def talked_call(refs: Refs, call_id: uuid.UUID) -> list[Event]:
    """The manual's third row: 14 s long, answered after 2 s, 9 s in the queue, 3 s of talk."""
    common = {"call_id": call_id, "project_id": refs.project, "contact_id": refs.contact}
    return [
        CallOriginated(
            **common,
            phone="79103905529",
            trunk_id=refs.trunk,
            caller_id="213345",
            call_type="robot",
            originated_at=at(0),
        ),
        CallAnswered(**common, phone="79103905529", answered_at=at(2.2)),
        CallConnectedToOperator(**common, operator_id=refs.operator, extension="333", connected_at=at(11.1)),
        CallEnded(
            **common,
            operator_id=refs.operator,
            outcome="answered",
            hangup_cause=16,
            hangup_cause_text="Normal Clearing",
            hangup_by="client",
            started_at=at(0),
            answered_at=at(2.2),
            connected_at=at(11.1),
            ended_at=at(14.3),
            recording="2026-04-21/talk.wav",
            phone="79103905529",
            caller_id="213345",
            call_type="robot",
            trunk_id=refs.trunk,
            extension="333",
        ),
    ]


def busy_without_origination(refs: Refs, call_id: uuid.UUID) -> list[Event]:
    """Only call_ended (the other events were never written): the record is still complete."""
    return [
        CallEnded(
            call_id=call_id,
            project_id=refs.project,
            contact_id=refs.contact,
            outcome="busy",
            hangup_cause=17,
            hangup_cause_text="User busy",
            started_at=at(0),
            ended_at=at(0.6),
            phone="79103905529",
            caller_id="213345",
        )
    ]


async def record_of(sessions: async_sessionmaker[AsyncSession], call_id: uuid.UUID) -> dict[str, object]:
    async with sessions() as db:
        rows = (await db.execute(sa.select(Call).where(Call.uniqueid == str(call_id)))).scalars().all()
    assert len(rows) == 1
    return {name: getattr(rows[0], name) for name in COMPARED}


async def deliver(sessions: async_sessionmaker[AsyncSession], envelopes: list[Envelope]) -> None:
    handler = call_records_handler(sessions)
    for envelope in envelopes:
        await handler(envelope)


def messy(events: list[Event], rng: random.Random) -> list[Envelope]:
    """Shuffled, with some envelopes delivered twice and some events published twice."""
    envelopes = [event.to_envelope("dialer") for event in events]
    envelopes += [rng.choice(envelopes) for _ in range(3)]  # redeliveries: the same id
    envelopes += [rng.choice(events).to_envelope("dialer") for _ in range(2)]  # republished: a new id
    rng.shuffle(envelopes)
    return envelopes


@pytest.mark.parametrize("build", [talked_call, busy_without_origination])
async def test_order_and_repetition_do_not_change_the_record(
    sessions: async_sessionmaker[AsyncSession], refs: Refs, build: Callable[[Refs, uuid.UUID], list[Event]]
) -> None:
    clean_id = uuid.uuid4()
    await deliver(sessions, [event.to_envelope("dialer") for event in build(refs, clean_id)])
    expected = await record_of(sessions, clean_id)
    rng = random.Random(61)
    for _ in range(6):
        call_id = uuid.uuid4()
        await deliver(sessions, messy(build(refs, call_id), rng))
        record = await record_of(sessions, call_id)
        assert record == expected


async def test_record_of_a_talked_call(sessions: async_sessionmaker[AsyncSession], refs: Refs) -> None:
    call_id = uuid.uuid4()
    await deliver(sessions, [event.to_envelope("dialer") for event in reversed(talked_call(refs, call_id))])
    record = await record_of(sessions, call_id)
    assert {k: record[k] for k in ("duration_s", "dial_s", "billing_s", "wait_s", "talk_s")} == {
        "duration_s": 14,
        "dial_s": 2,
        "billing_s": 12,
        "wait_s": 9,
        "talk_s": 3,
    }
    assert (record["client_status"], record["operator_status"]) == ("Клиент ответил", "Оператор ответил")
    assert (record["from_number"], record["to_number"], record["call_type"]) == (
        "213345",
        "79103905529",
        "robot",
    )
    assert (record["started_at"], record["ended_at"]) == (at(0), at(14.3))
    assert record["operator_id"] == refs.operator and record["recording_path"] == "2026-04-21/talk.wav"
    assert (record["outcome"], record["hangup_cause"], record["hangup_cause_text"]) == (
        "answered",
        16,
        "Normal Clearing",
    )


async def test_a_call_in_progress_is_visible(sessions: async_sessionmaker[AsyncSession], refs: Refs) -> None:
    """Answered and waiting for an operator: a record with the answer, no end and no statuses yet."""
    call_id = uuid.uuid4()
    originated, answered = talked_call(refs, call_id)[:2]
    await deliver(sessions, [answered.to_envelope("dialer"), originated.to_envelope("dialer")])
    record = await record_of(sessions, call_id)
    assert (record["started_at"], record["answered_at"], record["ended_at"]) == (at(0), at(2.2), None)
    assert (record["client_status"], record["operator_status"], record["duration_s"]) == (
        "Клиент ответил",
        None,
        0,
    )
