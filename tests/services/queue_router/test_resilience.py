"""I4 and F-50 at the router's own level: who the heartbeat watch leaves alone, and a rebuild that keeps
a waiting callback with its operator (F-46). Heartbeat loss, restarts mid-call and an hour of traffic
over pbx-sim and the real services are in ``tests/acceptance/queue``."""

import uuid

from obzvon_db.enums import AttemptState, CallType, OperatorState, QueueStrategy
from obzvon_db.models import Attempt, User
from obzvon_queue_router import recovery
from obzvon_queue_router.queue.router import Router
from obzvon_queue_router.states.heartbeat import Heartbeats
from obzvon_queue_router.states.watcher import check_heartbeats

from tests.services.queue_router.conftest import FAST
from tests.services.queue_router.factories import add_contact, add_operators, add_project, choose
from tests.services.queue_router.harness import Harness


async def ready(harness: Harness, operators: list[User]) -> None:
    for operator in operators:
        await choose(harness.sessions, operator, OperatorState.ACTIVE)
    await harness.beat(*operators)


async def check_heartbeats_now(harness: Harness) -> tuple[int, int]:
    async with harness.router.transaction() as db:
        return await check_heartbeats(harness.router, db)


async def test_an_operator_who_never_opened_the_app_is_not_offered_calls(harness: Harness) -> None:
    ops = await add_operators(harness.sessions, 1)
    project = await add_project(harness.sessions, ops)
    await choose(harness.sessions, ops[0], OperatorState.ACTIVE)  # through the API, no WebSocket
    call = await harness.answer(project.id)
    assert await harness.offers(call) == []
    await check_heartbeats_now(harness)
    assert await harness.state(ops[0]) is OperatorState.OFFLINE


async def test_a_talking_operator_is_not_taken_offline(harness: Harness) -> None:
    ops = await add_operators(harness.sessions, 1)
    project = await add_project(harness.sessions, ops)
    await ready(harness, ops)
    call = await harness.answer(project.id)
    await harness.connect(call, project.id, ops[0])
    await harness.silence(ops[0])
    await check_heartbeats_now(harness)
    assert await harness.state(ops[0]) is OperatorState.TALKING


async def test_a_rebuild_keeps_a_waiting_callback_with_its_operator(harness: Harness) -> None:
    """F-46, I4: the callback rings its operator when the process dies; rebuilt from Postgres, the
    router rings the same operator again, not the first one in the list."""
    ops = await add_operators(harness.sessions, 2)
    project = await add_project(harness.sessions, ops, strategy=QueueStrategy.LINEAR, queue_timeout_s=600)
    await ready(harness, ops)
    contact = await add_contact(harness.sessions, project)
    call_id = uuid.uuid4()
    async with harness.sessions() as db, db.begin():
        db.add(
            Attempt(
                id=call_id,
                contact_id=contact.id,
                project_id=project.id,
                phone=contact.phone,
                call_type=CallType.CALLBACK,
                operator_id=ops[1].id,
                state=AttemptState.ANSWERED,
            )
        )
    await harness.answer(project.id, contact_id=contact.id, operator_id=ops[1].id, call_id=call_id)
    assert await harness.offers(call_id) == [ops[1].id]
    fresh = Router(FAST, harness.sessions, Heartbeats(harness.redis, harness.keys, FAST.heartbeat_timeout))
    async with fresh.transaction() as db:
        await recovery.rebuild(fresh, db)
    assert await harness.offers(call_id) == [ops[1].id, ops[1].id]
    rebuilt = fresh.waiting(call_id)
    assert rebuilt is not None and rebuilt.preferred == ops[1].id
