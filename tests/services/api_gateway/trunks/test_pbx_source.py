"""What the dialer reads from the database for the generated files (F-10, F-13): active trunks with
their decrypted passwords and inbound routing, and active users' extensions."""

import uuid

from obzvon_db import secrets
from obzvon_db.enums import UserRole
from obzvon_db.models import Trunk
from obzvon_dialer.pbx_config import source
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from tests.services.api_gateway.factories import World, add_user


async def _add_trunk(sessions: async_sessionmaker[AsyncSession], **fields: object) -> Trunk:
    trunk_id = uuid.uuid4()
    async with sessions() as db:
        trunk = Trunk(id=trunk_id, name=f"t-{trunk_id.hex[:8]}", username="u1", host="10.1.1.1", **fields)
        db.add(trunk)
        await db.commit()
        return trunk


async def test_active_trunks_are_loaded_with_decrypted_passwords_and_routing(
    sessions: async_sessionmaker[AsyncSession], world: World
) -> None:
    routed_id = uuid.uuid4()
    async with sessions() as db:
        db.add(
            Trunk(
                id=routed_id,
                name=f"t-{routed_id.hex[:8]}",
                username="u1",
                host="10.1.1.1",
                inbound_project_id=world.p1.id,
                secret_ciphertext=secrets.encrypt("pw-1", routed_id),
            )
        )
        await db.commit()
    inactive = await _add_trunk(sessions, is_active=False)
    foreign = await _add_trunk(sessions, secret_ciphertext=secrets.encrypt("pw-2", uuid.uuid4()))
    async with sessions() as db:
        trunks = {trunk.id: trunk for trunk in await source.load_trunks(db)}
    routed = trunks[routed_id]
    assert (routed.password, routed.inbound_project_id, routed.inbound_record) == ("pw-1", world.p1.id, True)
    assert inactive.id not in trunks
    assert foreign.id not in trunks  # a ciphertext copied from another row does not decrypt: left out


async def test_active_users_with_extensions_become_operator_endpoints(
    sessions: async_sessionmaker[AsyncSession], world: World
) -> None:
    disabled = await add_user(sessions, UserRole.OPERATOR, "disabled", is_active=False)
    fresh = await add_user(sessions, UserRole.OPERATOR, "fresh")
    async with sessions() as db:
        operators = {operator.extension: operator for operator in await source.load_operators(db)}
    assert world.op1.extension in operators and world.op2.extension in operators
    assert operators[world.op1.extension or ""].full_name == world.op1.full_name
    assert disabled.extension not in operators
    assert operators[fresh.extension or ""].password is None  # no SIP password set yet
