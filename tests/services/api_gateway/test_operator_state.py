"""Operator states (F-50): intervals in Postgres (I4) and the outbox event in the same transaction (I3)."""

import itertools

import sqlalchemy as sa
from obzvon_db.enums import OperatorState, UserRole
from obzvon_db.models import OperatorStateInterval, OutboxMessage
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from tests.services.api_gateway.conftest import ClientFactory
from tests.services.api_gateway.factories import add_user


async def intervals(
    sessions: async_sessionmaker[AsyncSession], operator_id: object
) -> list[OperatorStateInterval]:
    async with sessions() as db:
        rows = await db.scalars(
            sa.select(OperatorStateInterval)
            .where(OperatorStateInterval.operator_id == operator_id)
            .order_by(OperatorStateInterval.started_at)
        )
        return list(rows)


async def events_for(
    sessions: async_sessionmaker[AsyncSession], operator_id: object
) -> list[dict[str, object]]:
    async with sessions() as db:
        rows = await db.scalars(
            sa.select(OutboxMessage.payload)
            .where(OutboxMessage.payload["data"]["operator_id"].astext == str(operator_id))
            .order_by(OutboxMessage.created_at)
        )
        return list(rows)


async def test_each_change_closes_one_interval_and_opens_the_next(
    client_factory: ClientFactory, sessions: async_sessionmaker[AsyncSession]
) -> None:
    operator = await add_user(sessions, UserRole.OPERATOR)
    client = client_factory()
    await client.login(operator.email)
    initial = (await client.http.get("/api/operators/me/state")).json()
    assert initial["state"] == "offline"
    assert initial["chosen_state"] == "inactive"
    assert initial["since"] is None
    for state in ("active", "pause", "dnd", "active"):
        response = await client.http.put("/api/operators/me/state", json={"state": state})
        assert response.status_code == 200
        body = response.json()
        assert (body["state"], body["chosen_state"]) == (state, state)
        assert body["operator_id"] == str(operator.id)
        assert body["extension"] == operator.extension
    rows = await intervals(sessions, operator.id)
    assert [r.state for r in rows] == ["active", "pause", "dnd", "active"]
    assert [r.ended_at is None for r in rows] == [False, False, False, True]
    for earlier, later in itertools.pairwise(rows):
        assert earlier.ended_at == later.started_at  # no gap, no overlap
    events = await events_for(sessions, operator.id)
    assert [e["data"]["state"] for e in events] == ["active", "pause", "dnd", "active"]  # type: ignore[index]
    assert [e["data"]["previous_state"] for e in events] == [None, "active", "pause", "dnd"]  # type: ignore[index]
    assert all(e["name"] == "operator_state_changed" for e in events)


async def test_the_same_state_again_changes_nothing(
    client_factory: ClientFactory, sessions: async_sessionmaker[AsyncSession]
) -> None:
    operator = await add_user(sessions, UserRole.OPERATOR)
    client = client_factory()
    await client.login(operator.email)
    first = await client.http.put("/api/operators/me/state", json={"state": "pause"})
    again = await client.http.put("/api/operators/me/state", json={"state": "pause"})
    assert again.status_code == 200
    assert again.json()["since"] == first.json()["since"]
    assert len(await intervals(sessions, operator.id)) == 1
    assert len(await events_for(sessions, operator.id)) == 1


async def test_a_call_in_progress_blocks_the_choice(
    client_factory: ClientFactory, sessions: async_sessionmaker[AsyncSession]
) -> None:
    operator = await add_user(sessions, UserRole.OPERATOR)
    async with sessions() as db:
        db.add(OperatorStateInterval(operator_id=operator.id, state=OperatorState.TALKING))
        await db.commit()
    client = client_factory()
    await client.login(operator.email)
    state = (await client.http.get("/api/operators/me/state")).json()
    assert state["state"] == "talking"
    response = await client.http.put("/api/operators/me/state", json={"state": "pause"})
    assert response.status_code == 409
    assert response.json()["code"] == "operator_busy"


async def test_only_operators_choose_a_state_and_values_are_checked(
    client_factory: ClientFactory, sessions: async_sessionmaker[AsyncSession]
) -> None:
    supervisor = await add_user(sessions, UserRole.SUPERVISOR)
    client = client_factory()
    await client.login(supervisor.email)
    assert (await client.http.put("/api/operators/me/state", json={"state": "pause"})).status_code == 403
    assert (await client.http.get("/api/operators/me/state")).status_code == 403
    operator = await add_user(sessions, UserRole.OPERATOR)
    op_client = client_factory()
    await op_client.login(operator.email)
    system_state = await op_client.http.put("/api/operators/me/state", json={"state": "talking"})
    assert system_state.status_code == 422
