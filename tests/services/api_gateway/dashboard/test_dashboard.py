"""The operator's own dashboard (F-63, O §8): today's time in each state and counts of their calls."""

import datetime as dt
import uuid

import pytest
from obzvon_db.enums import CallDirection, CallType, OperatorState, UserRole
from obzvon_db.models import Call, OperatorStateInterval
from obzvon_gateway.dashboard.service import today_span, zone
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from tests.services.api_gateway.conftest import ClientFactory
from tests.services.api_gateway.factories import World, add_user

MINUTE = dt.timedelta(minutes=1)


def clipped(start: dt.datetime, end: dt.datetime, day_start: dt.datetime) -> float:
    return max(0.0, (end - max(start, day_start)).total_seconds())


async def test_today_in_each_state_and_the_calls(
    client_factory: ClientFactory, sessions: async_sessionmaker[AsyncSession], world: World
) -> None:
    operator = await add_user(sessions, UserRole.OPERATOR, "dash")
    now = dt.datetime.now(dt.UTC)
    _, day_start, _ = today_span(now, zone("UTC")[1])
    spans = [
        (OperatorState.ACTIVE, now - dt.timedelta(days=1, minutes=5), now - dt.timedelta(days=1)),
        (OperatorState.ACTIVE, now - dt.timedelta(minutes=10), now - dt.timedelta(minutes=6)),
        (OperatorState.TALKING, now - dt.timedelta(minutes=6), now - dt.timedelta(minutes=4)),
        (OperatorState.IN_CARD, now - dt.timedelta(minutes=4), None),
    ]
    async with sessions() as db:
        for state, start, end in spans:
            db.add(
                OperatorStateInterval(operator_id=operator.id, state=state, started_at=start, ended_at=end)
            )
        for direction, talk in ((CallDirection.OUTBOUND, 120), (CallDirection.INBOUND, 0)):
            db.add(
                Call(
                    uniqueid=uuid.uuid4().hex,
                    direction=direction,
                    call_type=CallType.AUTO,
                    operator_id=operator.id,
                    started_at=max(now - dt.timedelta(minutes=6), day_start),
                    talk_s=talk,
                )
            )
        # Someone else's call is not counted.
        db.add(
            Call(
                uniqueid=uuid.uuid4().hex,
                direction=CallDirection.OUTBOUND,
                call_type=CallType.AUTO,
                operator_id=world.op1.id,
                started_at=now,
                talk_s=5,
            )
        )
        await db.commit()
    client = client_factory()
    await client.login(operator.email)
    response = await client.http.get("/api/dashboard/me", params={"tz": "UTC"})
    assert response.status_code == 200, response.text
    body = response.json()
    seconds = {row["state"]: row["seconds"] for row in body["states"]}
    assert set(seconds) == {s.value for s in OperatorState}
    assert seconds["active"] == pytest.approx(clipped(now - 10 * MINUTE, now - 6 * MINUTE, day_start), abs=1)
    assert seconds["talking"] == pytest.approx(clipped(now - 6 * MINUTE, now - 4 * MINUTE, day_start), abs=1)
    assert seconds["in_card"] == pytest.approx(clipped(spans[3][1], now, day_start), abs=3)
    assert seconds["pause"] == 0
    assert body["calls"] == {"total": 2, "answered": 1, "inbound": 1, "outbound": 1, "talk_seconds": 120}
    assert body["timezone"] == "UTC" and body["day"] == now.date().isoformat()


async def test_unknown_zone_falls_back_to_utc(client_factory: ClientFactory, world: World) -> None:
    client = client_factory()
    await client.login(world.admin.email)
    body = (await client.http.get("/api/dashboard/me", params={"tz": "Mars/Olympus"})).json()
    assert body["timezone"] == "UTC" and body["calls"]["total"] == 0
    assert (await client_factory().http.get("/api/dashboard/me")).status_code == 401


def test_today_starts_at_local_midnight() -> None:
    _, tz = zone("Asia/Yekaterinburg")
    day, start, _ = today_span(dt.datetime(2026, 3, 1, 20, 30, tzinfo=dt.UTC), tz)
    assert day == dt.date(2026, 3, 2) and start == dt.datetime(2026, 3, 1, 19, 0, tzinfo=dt.UTC)
