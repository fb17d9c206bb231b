"""What the pacer learns from a running campaign (F-41): wrap-up times from the operators' closed
"in card" intervals (with the conversation before each), and durations in the PBX's seconds when the
dialer runs against a sped-up pbx-sim."""

import datetime as dt
import uuid

import pytest
import sqlalchemy as sa
from obzvon_db.enums import CallDirection, CallType, OperatorState, UserRole
from obzvon_db.models import Call, OperatorStateInterval, Project, User
from obzvon_dialer.campaign.repository import WrapRow, wraps_ended
from obzvon_dialer.campaign.stats import CampaignStats
from obzvon_events.calls import CallEnded
from sqlalchemy.ext.asyncio import AsyncSession


async def _interval(
    db: AsyncSession,
    operator: User,
    state: OperatorState,
    span: tuple[float, float | None],
    *,
    project: Project,
    call_id: uuid.UUID | None,
) -> None:
    """An interval from ``span[0]`` to ``span[1]`` seconds before the transaction's ``now()``."""
    now = await db.scalar(sa.select(sa.func.now()))
    assert now is not None
    start, end = span
    db.add(
        OperatorStateInterval(
            operator_id=operator.id,
            state=state,
            started_at=now - dt.timedelta(seconds=start),
            ended_at=None if end is None else now - dt.timedelta(seconds=end),
            call_id=call_id,
            project_id=project.id,
        )
    )
    await db.flush()


async def _call(db: AsyncSession, project: Project) -> uuid.UUID:
    call = Call(
        direction=CallDirection.OUTBOUND,
        call_type=CallType.AUTO,
        project_id=project.id,
        started_at=dt.datetime.now(dt.UTC),
    )
    db.add(call)
    await db.flush()
    return call.id


async def test_closed_wrap_ups_of_the_project_are_read_once(db_session: AsyncSession) -> None:
    db = db_session
    project, other = Project(name=f"P {uuid.uuid4().hex[:6]}"), Project(name=f"Q {uuid.uuid4().hex[:6]}")
    operators = [
        User(email=f"op{n}-{uuid.uuid4().hex[:6]}@example.com", full_name=f"Оператор {n}",
             role=UserRole.OPERATOR, password_hash="x")
        for n in range(3)
    ]  # fmt: skip
    db.add_all([project, other, *operators])
    await db.flush()
    first, _ = await wraps_ended(db, project.id, None)
    assert first == []  # nothing before the dialer started counting

    talked = await _call(db, project)
    await _interval(db, operators[0], OperatorState.TALKING, (100, 40), project=project, call_id=talked)
    await _interval(db, operators[0], OperatorState.IN_CARD, (40, 10), project=project, call_id=talked)
    await _interval(db, operators[1], OperatorState.IN_CARD, (20, 15), project=project, call_id=None)
    await _interval(db, operators[1], OperatorState.IN_CARD, (15, None), project=project, call_id=None)
    await _interval(db, operators[2], OperatorState.IN_CARD, (30, 5), project=other, call_id=None)
    await _interval(db, operators[2], OperatorState.IN_CARD, (4000, 3900), project=project, call_id=None)

    now = await db.scalar(sa.select(sa.func.now()))
    assert now is not None
    wraps, until = await wraps_ended(db, project.id, now - dt.timedelta(hours=1))
    assert sorted(wraps, key=lambda w: w.wrap_s) == [WrapRow(5.0, None), WrapRow(30.0, 60.0)]
    assert until == now
    again, _ = await wraps_ended(db, project.id, until)
    assert again == []


def test_durations_reach_the_pacer_in_the_pbx_seconds() -> None:
    """At a time scale of 0.1 (pbx-sim ten times faster), 3 s of wall time are 30 s for the pacer."""
    stats = CampaignStats(time_scale=0.1)
    project_id = uuid.uuid4()
    start = dt.datetime(2025, 3, 3, 10, 0, tzinfo=dt.UTC)
    seconds = dt.timedelta(seconds=1)
    stats.observe(
        uuid.uuid4(),
        [
            CallEnded(
                call_id=uuid.uuid4(),
                project_id=project_id,
                outcome="answered",
                started_at=start,
                answered_at=start + 1.5 * seconds,
                connected_at=start + 2 * seconds,
                ended_at=start + 8 * seconds,
            )
        ],
    )
    until = dt.datetime.now(dt.UTC)
    stats.record_wraps(project_id, [WrapRow(1.2, 6.0)], until)
    pacer = stats.of(project_id)
    assert (pacer.dials, pacer.answered, pacer.live_answers, pacer.abandoned) == (1, 1, 1, 0)
    assert pacer.ring_answered[15] == 1  # answered after 15 simulated seconds
    assert pacer.mean_talk_s == 60.0
    assert pacer.mean_wrap_s == pytest.approx(12.0) and sum(pacer.wrap_after_long) == 1  # after 60 s of talk
    assert stats.wraps_until(project_id) == until
