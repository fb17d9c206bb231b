"""F-51: the card pops the moment the PBX connects the call: on ``call_connected_to_operator`` the
gateway pushes ``card_opened`` (built like queue-router's) to that operator's sockets only, with the
number masked where the project hides it; inbound calls are left to queue-router. While the call rings
for the operator, the gateway pushes ``card_prepared`` (the tab draws the card hidden) and then opens
the card from it, with no database work at the answer."""

import datetime as dt
import json
import uuid
from dataclasses import dataclass

import pytest
import sqlalchemy as sa
from obzvon_db.enums import AttemptState, CallType, UserRole
from obzvon_db.models import Attempt, Contact, Project, User
from obzvon_events.calls import CallConnectedToOperator
from obzvon_events.operators import OperatorStateChanged
from obzvon_gateway.cards.live import LiveCards
from obzvon_gateway.context import GatewayContext
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from tests.services.api_gateway.conftest import ClientFactory
from tests.services.api_gateway.factories import add_project, add_user
from tests.services.api_gateway.test_websocket import next_event, ping_pong, two_sockets


async def connected_call(
    sessions: async_sessionmaker[AsyncSession], project: Project, operator_id: uuid.UUID, phone: str
) -> tuple[uuid.UUID, Contact]:
    """A manual call the dialer placed for the operator, to a contact of the project."""
    async with sessions() as db, db.begin():
        contact = Contact(project_id=project.id, phone=phone, full_name="Петрова Анна")
        db.add(contact)
        await db.flush()
        attempt = Attempt(
            contact_id=contact.id,
            project_id=project.id,
            phone=phone,
            call_type=CallType.MANUAL,
            operator_id=operator_id,
            state=AttemptState.ANSWERED,
        )
        db.add(attempt)
        await db.flush()
        return attempt.id, contact


@dataclass
class HiddenNumberCall:
    """A placed call for ``operator`` in a project that hides numbers; ``other`` is in it too."""

    operator: User
    other: User
    project: Project
    phone: str
    call_id: uuid.UUID
    contact: Contact


async def hidden_number_call(sessions: async_sessionmaker[AsyncSession], name: str) -> HiddenNumberCall:
    operator = await add_user(sessions, UserRole.OPERATOR, f"{name}-op")
    other = await add_user(sessions, UserRole.OPERATOR, f"{name}-other")
    project = await add_project(sessions, name, [], [operator, other])
    async with sessions() as db, db.begin():
        await db.execute(sa.update(Project).where(Project.id == project.id).values(show_numbers=False))
    phone = f"7916{uuid.uuid4().int % 10**7:07d}"
    call_id, contact = await connected_call(sessions, project, operator.id, phone)
    return HiddenNumberCall(operator, other, project, phone, call_id, contact)


async def test_the_connected_operator_gets_the_card_at_once_with_the_number_masked(
    ws_base_url: str,
    client_factory: ClientFactory,
    gateway: GatewayContext,
    sessions: async_sessionmaker[AsyncSession],
) -> None:
    scene = await hidden_number_call(sessions, "pop")
    operator, call_id = scene.operator, scene.call_id
    async with two_sockets(ws_base_url, client_factory, scene.operator.email, scene.other.email) as (
        ws,
        other_ws,
    ):
        connected_at = dt.datetime.now(dt.UTC)
        await gateway.bus.publish_event(
            CallConnectedToOperator(
                call_id=call_id,
                project_id=scene.project.id,
                contact_id=scene.contact.id,
                operator_id=operator.id,
                extension=operator.extension or "",
                connected_at=connected_at,
            ),
            "dialer",
        )
        card = (await next_event(ws, "card_opened"))["data"]
        assert (card["call_id"], card["operator_id"]) == (str(call_id), str(operator.id))
        assert card["contact"]["full_name"] == "Петрова Анна"
        assert card["call_type"] == "manual"
        assert dt.datetime.fromisoformat(card["connected_at"]) == connected_at
        assert card["phone"] == card["contact"]["phone"] == f"*********{scene.phone[-2:]}"
        assert scene.phone not in json.dumps(card)
        await ping_pong(other_ws)  # the other operator got nothing before their pong


async def test_an_inbound_call_is_left_to_queue_router(sessions: async_sessionmaker[AsyncSession]) -> None:
    """No attempt behind the call (it came in): queue-router finds or creates the contact and pops it."""
    operator = await add_user(sessions, UserRole.OPERATOR, "pop-in")
    project = await add_project(sessions, "Входящие", [], [operator])
    event = CallConnectedToOperator(
        call_id=uuid.uuid4(),
        project_id=project.id,
        operator_id=operator.id,
        extension=operator.extension or "",
        connected_at=dt.datetime.now(dt.UTC),
    )
    assert await LiveCards(sessions).open(event) is None


def state_change(operator_id: uuid.UUID, state: str, call_id: uuid.UUID | None) -> OperatorStateChanged:
    return OperatorStateChanged(
        operator_id=operator_id, state=state, started_at=dt.datetime.now(dt.UTC), call_id=call_id
    )


async def test_a_ringing_call_prepares_the_card_for_that_operator_only(
    ws_base_url: str,
    client_factory: ClientFactory,
    gateway: GatewayContext,
    sessions: async_sessionmaker[AsyncSession],
) -> None:
    scene = await hidden_number_call(sessions, "prep")
    operator, phone, call_id = scene.operator, scene.phone, scene.call_id
    async with two_sockets(ws_base_url, client_factory, scene.operator.email, scene.other.email) as (
        ws,
        other_ws,
    ):
        await gateway.bus.publish_event(state_change(operator.id, "ringing", call_id), "queue-router")
        card = (await next_event(ws, "card_prepared"))["data"]
        assert (card["call_id"], card["operator_id"]) == (str(call_id), str(operator.id))
        assert card["contact"]["full_name"] == "Петрова Анна"
        assert "connected_at" not in card
        assert phone not in json.dumps(card)
        await ping_pong(other_ws)  # the other operator got nothing before their pong

        # Other changes prepare nothing: the next message after the state is the pong.
        await gateway.bus.publish_event(state_change(operator.id, "active", None), "queue-router")
        assert (await next_event(ws, "operator_state_changed"))["data"]["state"] == "active"
        await ping_pong(ws)


class NoDatabase:
    """A session factory that refuses to be used."""

    def __call__(self) -> AsyncSession:
        raise AssertionError("the card was opened with database work at the answer")


async def test_the_prepared_card_opens_without_database_work(
    sessions: async_sessionmaker[AsyncSession],
) -> None:
    operator = await add_user(sessions, UserRole.OPERATOR, "prep-open")
    project = await add_project(sessions, "Заготовка-2", [], [operator])
    call_id, contact = await connected_call(sessions, project, operator.id, "79161234567")
    cards = LiveCards(sessions)
    prepared = await cards.prepare(state_change(operator.id, "ringing", call_id))
    assert prepared is not None and prepared.contact is not None and prepared.contact.id == contact.id

    cards.sessions = NoDatabase()
    connected_at = dt.datetime.now(dt.UTC)
    event = CallConnectedToOperator(
        call_id=call_id,
        project_id=project.id,
        contact_id=contact.id,
        operator_id=operator.id,
        extension=operator.extension or "",
        connected_at=connected_at,
    )
    card = await cards.open(event)
    assert card is not None and card.connected_at == connected_at
    assert card.contact == prepared.contact and card.result_statuses == prepared.result_statuses
    # A prepared card opens once; a second connect of the same call would have to build it again.
    with pytest.raises(AssertionError, match="database work"):
        await cards.open(event)


async def test_no_card_is_prepared_where_phones_answer_by_themselves(
    sessions: async_sessionmaker[AsyncSession],
) -> None:
    """With auto-answer the call is connected about as soon as it rings: the card is built on connect."""
    operator = await add_user(sessions, UserRole.OPERATOR, "prep-auto")
    project = await add_project(sessions, "Автоответ", [], [operator])
    async with sessions() as db, db.begin():
        await db.execute(sa.update(Project).where(Project.id == project.id).values(auto_answer=True))
    call_id, _contact = await connected_call(sessions, project, operator.id, "79161234568")
    cards = LiveCards(sessions)
    assert await cards.prepare(state_change(operator.id, "ringing", call_id)) is None
    assert await cards.prepare(state_change(operator.id, "ringing", uuid.uuid4())) is None  # inbound
