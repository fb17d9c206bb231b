"""Hidden numbers (F-51, F-22 «Показывать номера» off): nothing an operator reads about the contact
carries the real number — the card, the calls of the contact (own and «all by number», other projects'
calls included), tasks; an admin still sees it; «Позвонить» still works (F-45), because the server dials
the contact by id."""

import datetime as dt
import uuid

import sqlalchemy as sa
from obzvon_db.enums import CallDirection, CallType, UserRole
from obzvon_db.models import Call, Contact, OutboxMessage
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from tests.services.api_gateway.cards.conftest import CardWorld, operator_in_card
from tests.services.api_gateway.client import ApiClient
from tests.services.api_gateway.conftest import ClientFactory
from tests.services.api_gateway.factories import add_project, add_user


def masked(phone: str) -> str:
    return "*" * (len(phone) - 2) + phone[-2:]


async def signed_in(client_factory: ClientFactory, email: str) -> ApiClient:
    client = client_factory()
    await client.login(email)
    return client


async def test_the_card_shows_an_operator_only_the_masked_number(
    client_factory: ClientFactory, sessions: async_sessionmaker[AsyncSession]
) -> None:
    world = await operator_in_card(sessions, show_numbers=False)
    client = await signed_in(client_factory, world.operator.email)
    response = await client.http.get("/api/cards/current")
    assert response.status_code == 200, response.text
    contact = response.json()["contact"]
    assert (contact["phone"], contact["phone_hidden"]) == (masked(world.contact.phone), True)
    assert contact["full_name"] == "Иван"
    assert world.contact.phone not in response.text


async def test_the_card_shows_the_number_where_the_project_allows(
    client_factory: ClientFactory, sessions: async_sessionmaker[AsyncSession]
) -> None:
    world = await operator_in_card(sessions, show_numbers=True)
    client = await signed_in(client_factory, world.operator.email)
    contact = (await client.http.get("/api/cards/current")).json()["contact"]
    assert (contact["phone"], contact["phone_hidden"]) == (world.contact.phone, False)


async def test_a_hidden_number_can_still_be_called(
    client_factory: ClientFactory, sessions: async_sessionmaker[AsyncSession]
) -> None:
    """F-45: the client sends the contact id only; the dialer gets the real number from the server."""
    world = await operator_in_card(sessions, show_numbers=False)
    client = await signed_in(client_factory, world.operator.email)
    response = await client.http.post("/api/cards/call", json={"contact_id": str(world.contact.id)})
    assert response.status_code == 202, response.text
    assert world.contact.phone not in response.text
    async with sessions() as db:
        command = await db.scalar(
            sa.select(OutboxMessage.payload).where(
                OutboxMessage.payload["name"].astext == "originate_call",
                OutboxMessage.payload["data"]["call_id"].astext == response.json()["call_id"],
            )
        )
    assert command is not None and command["data"]["phone"] == world.contact.phone


async def call_in_another_project(
    sessions: async_sessionmaker[AsyncSession], world: CardWorld, phone: str
) -> None:
    """The same number called in a project of the operator's that shows numbers."""
    other = await add_project(sessions, "Открытые номера", [], [world.operator])
    async with sessions() as db, db.begin():
        twin = Contact(project_id=other.id, phone=phone)
        db.add(twin)
        await db.flush()
        db.add(
            Call(
                uniqueid=uuid.uuid4().hex,
                direction=CallDirection.OUTBOUND,
                call_type=CallType.AUTO,
                from_number="74951234567",
                to_number=phone,
                project_id=other.id,
                contact_id=twin.id,
                operator_id=world.operator.id,
                started_at=dt.datetime.now(dt.UTC) - dt.timedelta(minutes=5),
            )
        )


async def test_calls_and_tasks_of_a_hidden_contact_never_carry_the_number_to_the_operator(
    client_factory: ClientFactory, sessions: async_sessionmaker[AsyncSession]
) -> None:
    world = await operator_in_card(sessions, show_numbers=False)
    phone = world.contact.phone
    await call_in_another_project(sessions, world, phone)
    operator = await signed_in(client_factory, world.operator.email)

    own = await operator.http.get(f"/api/contacts/{world.contact.id}/calls")
    assert own.status_code == 200, own.text
    assert [row["to_number"] for row in own.json()] == [masked(phone)]
    by_number = await operator.http.get(
        f"/api/contacts/{world.contact.id}/calls", params={"all_by_number": True}
    )
    assert [row["to_number"] for row in by_number.json()] == [masked(phone)] * 2
    due = (dt.datetime.now(dt.UTC) + dt.timedelta(hours=1)).isoformat()
    created = await operator.http.post(
        "/api/tasks", json={"contact_id": str(world.contact.id), "text": "Перезвонить", "due_at": due}
    )
    assert created.status_code == 201, created.text
    tasks = await operator.http.get("/api/tasks", params={"contact_id": str(world.contact.id)})
    for response in (own, by_number, created, tasks):
        assert phone not in response.text

    admin = await signed_in(client_factory, (await add_user(sessions, UserRole.ADMIN, "numbers-admin")).email)
    seen = await admin.http.get(f"/api/contacts/{world.contact.id}/calls", params={"all_by_number": True})
    assert [row["to_number"] for row in seen.json()] == [phone] * 2
