"""The client card (F-52, F-53): saving needs a result status allowed in the project and ends wrap-up."""

import sqlalchemy as sa
from obzvon_db.enums import OperatorState
from obzvon_db.models import Call, Comment, Contact, OperatorStateInterval, OutboxMessage
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from tests.services.api_gateway.cards.conftest import operator_in_card
from tests.services.api_gateway.conftest import ClientFactory


async def current_state(sessions: async_sessionmaker[AsyncSession], operator_id: object) -> str:
    async with sessions() as db:
        return str(
            await db.scalar(
                sa.select(OperatorStateInterval.state).where(
                    OperatorStateInterval.operator_id == operator_id, OperatorStateInterval.ended_at.is_(None)
                )
            )
        )


async def test_the_operator_sees_the_card_of_the_call(
    client_factory: ClientFactory, sessions: async_sessionmaker[AsyncSession]
) -> None:
    world = await operator_in_card(sessions)
    client = client_factory()
    await client.login(world.operator.email)
    response = await client.http.get("/api/cards/current")
    assert response.status_code == 200, response.text
    card = response.json()
    assert card["call_id"] == str(world.call_id) and card["state"] == "in_card"
    assert card["contact"]["phone"] == world.contact.phone
    assert [s["id"] for s in card["result_statuses"]] == [str(world.allowed.id)]


async def test_saving_without_a_status_is_refused_and_the_card_stays_open(
    client_factory: ClientFactory, sessions: async_sessionmaker[AsyncSession]
) -> None:
    """F-52: «Выберите статус результата» — the card cannot be closed without a status."""
    world = await operator_in_card(sessions)
    client = client_factory()
    await client.login(world.operator.email)
    response = await client.http.put(f"/api/cards/{world.call_id}", json={"fields": {"full_name": "Пётр"}})
    assert response.status_code == 422
    assert response.headers["content-type"].startswith("application/problem+json")
    assert response.json()["detail"] == "Выберите статус результата"
    not_allowed = await client.http.put(
        f"/api/cards/{world.call_id}", json={"result_status_id": str(world.other.id)}
    )
    assert not_allowed.status_code == 422
    assert await current_state(sessions, world.operator.id) == "in_card"


async def test_saving_with_a_status_updates_the_contact_and_frees_the_operator(
    client_factory: ClientFactory, sessions: async_sessionmaker[AsyncSession]
) -> None:
    world = await operator_in_card(sessions)
    client = client_factory()
    await client.login(world.operator.email)
    response = await client.http.put(
        f"/api/cards/{world.call_id}",
        json={
            "fields": {"full_name": "Пётр Петров", "city": "Казань"},
            "custom_fields": {"tariff": "Премиум"},
            "result_status_id": str(world.allowed.id),
            "comment": "Перезвонить завтра",
        },
    )
    assert response.status_code == 204, response.text
    assert await current_state(sessions, world.operator.id) == OperatorState.ACTIVE.value
    async with sessions() as db:
        contact = await db.get(Contact, world.contact.id)
        assert contact is not None
        assert (contact.full_name, contact.city, contact.result_status_id) == (
            "Пётр Петров",
            "Казань",
            world.allowed.id,
        )
        assert contact.custom_fields["tariff"] == "Премиум"
        call = await db.get(Call, world.call_id)
        assert call is not None and call.result_status_id == world.allowed.id
        comments = list(await db.scalars(sa.select(Comment.text).where(Comment.contact_id == contact.id)))
        assert comments == ["Перезвонить завтра"]
        saved = await db.scalar(
            sa.select(OutboxMessage.payload).where(
                OutboxMessage.payload["name"].astext == "card_saved",
                OutboxMessage.payload["data"]["call_id"].astext == str(world.call_id),
            )
        )
        assert saved is not None and saved["data"]["result_status_id"] == str(world.allowed.id)
    assert (await client.http.get("/api/cards/current")).status_code == 404


async def test_saving_during_the_talk_keeps_the_operator_talking(
    client_factory: ClientFactory, sessions: async_sessionmaker[AsyncSession]
) -> None:
    world = await operator_in_card(sessions, OperatorState.TALKING)
    client = client_factory()
    await client.login(world.operator.email)
    response = await client.http.put(
        f"/api/cards/{world.call_id}", json={"result_status_id": str(world.allowed.id)}
    )
    assert response.status_code == 204
    assert await current_state(sessions, world.operator.id) == "talking"


async def test_a_manual_call_rings_the_operator_first(
    client_factory: ClientFactory, sessions: async_sessionmaker[AsyncSession]
) -> None:
    """F-45: from the card, through the operator's trunk; the operator listens to ringback."""
    world = await operator_in_card(sessions)
    client = client_factory()
    await client.login(world.operator.email)
    response = await client.http.post("/api/cards/call", json={"contact_id": str(world.contact.id)})
    assert response.status_code == 202, response.text
    call_id = response.json()["call_id"]
    assert await current_state(sessions, world.operator.id) == "ringback"
    async with sessions() as db:
        command = await db.scalar(
            sa.select(OutboxMessage.payload).where(
                OutboxMessage.payload["name"].astext == "originate_call",
                OutboxMessage.payload["data"]["call_id"].astext == call_id,
            )
        )
    assert command is not None
    assert command["data"]["call_type"] == "manual" and command["data"]["operator_id"] == str(
        world.operator.id
    )
    again = await client.http.post("/api/cards/call", json={"contact_id": str(world.contact.id)})
    assert again.status_code == 409  # already on a call
