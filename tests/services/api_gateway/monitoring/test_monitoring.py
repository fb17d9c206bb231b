"""Live monitoring (F-64): operators' states with time in them, waiting calls with wait time, online and
offline counts and the strategy; admins see all projects, supervisors their own, operators nothing."""

import datetime as dt
import uuid

import sqlalchemy as sa
from obzvon_db.enums import OperatorState
from obzvon_db.models import Call, Project, ProjectSupervisor
from obzvon_platform.operator_states import switch_state
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from tests.services.api_gateway.conftest import ClientFactory
from tests.services.api_gateway.factories import World


async def test_a_supervisor_sees_their_projects_operators_and_waiting_calls(
    client_factory: ClientFactory, sessions: async_sessionmaker[AsyncSession], world: World
) -> None:
    waiting_id = uuid.uuid4()
    async with sessions() as db, db.begin():
        await switch_state(db, world.op1.id, OperatorState.ACTIVE, producer="api-gateway")
        db.add(
            Call(
                id=waiting_id,
                uniqueid=str(waiting_id),
                direction="out",
                call_type="auto",
                project_id=world.p1.id,
                to_number="79005554433",
                started_at=dt.datetime.now(dt.UTC) - dt.timedelta(seconds=20),
                answered_at=dt.datetime.now(dt.UTC) - dt.timedelta(seconds=12),
            )
        )
    client = client_factory()
    await client.login(world.sup_a.email)
    response = await client.http.get("/api/monitoring")
    assert response.status_code == 200, response.text
    snapshot = response.json()
    async with sessions() as db:
        supervised = await db.scalars(
            sa.select(Project.id)
            .join(ProjectSupervisor, ProjectSupervisor.project_id == Project.id)
            .where(ProjectSupervisor.user_id == world.sup_a.id, Project.deleted_at.is_(None))
        )
        expected = {str(pid) for pid in supervised}
    # Other tests of the package may copy sup_a's projects: the snapshot follows the database.
    assert str(world.p1.id) in expected and str(world.p3.id) not in expected
    assert {p["project_id"] for p in snapshot["projects"]} == expected
    operators = {o["operator_id"]: o for o in snapshot["operators"]}
    assert str(world.op2.id) not in operators  # P3 is not sup_a's
    op1 = operators[str(world.op1.id)]
    assert op1["state"] == "active" and op1["online"] is True and op1["seconds_in_state"] >= 0
    online = sum(o["online"] for o in snapshot["operators"])
    assert (snapshot["online"], snapshot["offline"]) == (online, len(operators) - online)
    p1 = next(p for p in snapshot["projects"] if p["project_id"] == str(world.p1.id))
    assert p1["strategy"] == "ring_all"
    [waiting] = p1["waiting"]
    assert (waiting["call_id"], waiting["position"], waiting["phone"]) == (str(waiting_id), 1, "79005554433")
    assert waiting["wait_seconds"] >= 11
    async with sessions() as db, db.begin():
        call = await db.get(Call, waiting_id)
        assert call is not None
        call.ended_at = dt.datetime.now(dt.UTC)


async def test_scope_of_monitoring(client_factory: ClientFactory, world: World) -> None:
    sup_b = client_factory()
    await sup_b.login(world.sup_b.email)
    assert (
        await sup_b.http.get("/api/monitoring", params={"project_id": str(world.p1.id)})
    ).status_code == 404
    admin = client_factory()
    await admin.login(world.admin.email)
    everything = (await admin.http.get("/api/monitoring")).json()
    assert {str(world.p1.id), str(world.p3.id)} <= {p["project_id"] for p in everything["projects"]}
    operator = client_factory()
    await operator.login(world.op1.email)
    assert (await operator.http.get("/api/monitoring")).status_code == 403
