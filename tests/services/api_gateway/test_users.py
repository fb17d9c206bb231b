"""User edits (F-02, F-10): field rights, audit rows, and sessions ended by disabling or a role change."""

import sqlalchemy as sa
from obzvon_db.enums import UserRole
from obzvon_db.models import AuditLog, OutboxMessage, User
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from tests.services.api_gateway.conftest import ClientFactory
from tests.services.api_gateway.factories import World, add_project, add_user


async def test_admin_changes_a_role_and_the_old_sessions_end(
    client_factory: ClientFactory, sessions: async_sessionmaker[AsyncSession], world: World
) -> None:
    user = await add_user(sessions, UserRole.OPERATOR)
    victim = client_factory()
    await victim.login(user.email)
    admin = client_factory()
    await admin.login(world.admin.email)
    response = await admin.http.patch(
        f"/api/users/{user.id}", json={"role": "supervisor", "full_name": "Новое Имя"}
    )
    assert response.status_code == 200
    assert (response.json()["role"], response.json()["full_name"]) == ("supervisor", "Новое Имя")
    assert (await victim.http.get("/api/auth/me")).status_code == 401
    relogin = client_factory()
    assert (await relogin.login(user.email)).json()["role"] == "supervisor"
    async with sessions() as db:
        audit = await db.scalar(
            sa.select(AuditLog).where(AuditLog.object_id == str(user.id), AuditLog.action == "user.updated")
        )
        revoked = await db.scalar(
            sa.select(sa.func.count())
            .select_from(OutboxMessage)
            .where(OutboxMessage.payload["name"].astext == "user_sessions_revoked")
            .where(OutboxMessage.payload["data"]["user_id"].astext == str(user.id))
        )
    assert audit is not None
    assert audit.actor_id == world.admin.id
    assert audit.before == {"role": "operator", "full_name": user.full_name}
    assert audit.after == {"role": "supervisor", "full_name": "Новое Имя"}
    assert revoked == 1


async def test_nobody_disables_themselves_or_changes_their_own_role(
    client_factory: ClientFactory, world: World
) -> None:
    admin = client_factory()
    await admin.login(world.admin.email)
    own = f"/api/users/{world.admin.id}"
    assert (await admin.http.patch(own, json={"is_active": False})).status_code == 403
    assert (await admin.http.patch(own, json={"role": "operator"})).status_code == 403
    assert (await admin.http.patch(own, json={"full_name": world.admin.full_name})).status_code == 200


async def test_a_supervisor_disables_and_reenables_an_own_operator(
    client_factory: ClientFactory, sessions: async_sessionmaker[AsyncSession], world: World
) -> None:
    operator = await add_user(sessions, UserRole.OPERATOR)
    await add_project(sessions, "mine", [world.sup_b], [operator])
    supervisor = client_factory()
    await supervisor.login(world.sup_b.email)
    url = f"/api/users/{operator.id}"
    assert (await supervisor.http.patch(url, json={"is_active": False})).json()["is_active"] is False
    assert (await client_factory().login(operator.email)).status_code == 401
    assert (await supervisor.http.patch(url, json={"is_active": True})).json()["is_active"] is True
    assert (await client_factory().login(operator.email)).status_code == 200
    async with sessions() as db:
        stored = await db.get(User, operator.id)
    assert stored is not None
    assert stored.session_version == 1
