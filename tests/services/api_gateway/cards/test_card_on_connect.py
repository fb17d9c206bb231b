"""F-51: the card pops the moment the PBX connects the call: on ``call_connected_to_operator`` the
gateway pushes ``card_opened`` (built like queue-router's) to that operator's sockets only, with the
number masked where the project hides it; inbound calls are left to queue-router."""

import datetime as dt
import json
import uuid

import sqlalchemy as sa
from obzvon_db.enums import AttemptState, CallType, UserRole
from obzvon_db.models import Attempt, Contact, Project
from obzvon_events.calls import CallConnectedToOperator
from obzvon_gateway.cards.connected import card_on_connect
from obzvon_gateway.context import GatewayContext
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from tests.services.api_gateway.conftest import ClientFactory
from tests.services.api_gateway.factories import add_project, add_user
from tests.services.api_gateway.test_websocket import login, next_event, open_socket, ping_pong


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


async def test_the_connected_operator_gets_the_card_at_once_with_the_number_masked(
    ws_base_url: str,
    client_factory: ClientFactory,
    gateway: GatewayContext,
    sessions: async_sessionmaker[AsyncSession],
) -> None:
    operator = await add_user(sessions, UserRole.OPERATOR, "pop-op")
    other = await add_user(sessions, UserRole.OPERATOR, "pop-other")
    project = await add_project(sessions, "Поп", [], [operator, other])
    async with sessions() as db, db.begin():
        await db.execute(sa.update(Project).where(Project.id == project.id).values(show_numbers=False))
    phone = f"7916{uuid.uuid4().int % 10**7:07d}"
    call_id, contact = await connected_call(sessions, project, operator.id, phone)
    mine, theirs = await login(client_factory, operator.email), await login(client_factory, other.email)
    async with (
        open_socket(ws_base_url, mine.session_cookie) as ws,
        open_socket(ws_base_url, theirs.session_cookie) as other_ws,
    ):
        for socket in (ws, other_ws):
            await ping_pong(socket)
        connected_at = dt.datetime.now(dt.UTC)
        await gateway.bus.publish_event(
            CallConnectedToOperator(
                call_id=call_id,
                project_id=project.id,
                contact_id=contact.id,
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
        assert card["phone"] == card["contact"]["phone"] == f"*********{phone[-2:]}"
        assert phone not in json.dumps(card)
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
    async with sessions() as db:
        assert await card_on_connect(db, event) is None
