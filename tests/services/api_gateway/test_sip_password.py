"""SIP passwords of operators' phones (F-10, F-13): shown once, stored only encrypted, and rendered for
Asterisk by the dialer so the operator's phone can register."""

import sqlalchemy as sa
from obzvon_db.models import User
from obzvon_dialer.pbx_config.source import load_operators
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from tests.services.api_gateway.conftest import ClientFactory
from tests.services.api_gateway.factories import World
from tests.services.api_gateway.projects.helpers import signed_in


def url(user: User) -> str:
    return f"/api/users/{user.id}/sip-password"


async def test_a_new_password_is_shown_once_and_reaches_the_pbx_files(
    client_factory: ClientFactory, world: World, sessions: async_sessionmaker[AsyncSession]
) -> None:
    admin = await signed_in(client_factory, world.admin)
    response = await admin.http.post(url(world.op1))
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["extension"] == body["username"] == world.op1.extension
    async with sessions() as db:
        stored = await db.scalar(sa.select(User.sip_secret_ciphertext).where(User.id == world.op1.id))
        operators = {op.extension: op for op in await load_operators(db)}
    assert stored is not None and body["password"].encode() not in stored
    assert operators[world.op1.extension].password == body["password"]
    shown = await admin.http.get(f"/api/users/{world.op1.id}")
    assert body["password"] not in shown.text


async def test_operators_cannot_and_other_supervisors_do_not_see_the_user(
    client_factory: ClientFactory, world: World
) -> None:
    operator = await signed_in(client_factory, world.op1)
    assert (await operator.http.post(url(world.op1))).status_code == 403
    other = await signed_in(client_factory, world.sup_b)
    assert (await other.http.post(url(world.op1))).status_code == 404


async def test_a_user_without_an_extension_is_refused(client_factory: ClientFactory, world: World) -> None:
    admin = await signed_in(client_factory, world.admin)
    response = await admin.http.post(url(world.sup_a))
    assert response.status_code == 409 and response.json()["code"] == "no_extension"
