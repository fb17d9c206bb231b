"""I4 and F-50: heartbeat loss, a restart mid-call, and gap-free state intervals under mixed traffic."""

import itertools
import random
import time
import uuid

import sqlalchemy as sa
from obzvon_db.enums import AttemptState, OperatorState, QueueStrategy
from obzvon_db.models import Attempt, Project, User
from obzvon_platform.operator_states import last_chosen_state, switch_state
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


async def test_a_lost_heartbeat_takes_the_operator_offline_and_the_call_moves_on(harness: Harness) -> None:
    """I4: a silent operator is offered nothing; back online, the chosen state returns."""
    ops = await add_operators(harness.sessions, 2)
    project = await add_project(harness.sessions, ops, strategy=QueueStrategy.LINEAR)
    await ready(harness, ops)
    call = await harness.answer(project.id)
    assert await harness.state(ops[0]) is OperatorState.RINGING
    stale = time.time() - FAST.heartbeat_timeout - 1
    await harness.redis.set(harness.keys.key("heartbeat", ops[0].id), repr(stale))
    await check_heartbeats_now(harness)
    assert await harness.state(ops[0]) is OperatorState.OFFLINE
    assert await harness.offers(call) == [ops[0].id, ops[1].id]
    await harness.connect(call, project.id, ops[1])
    other = await harness.answer(project.id)
    assert await harness.offers(other) == []  # the only other operator is offline
    await harness.beat(ops[0])
    await check_heartbeats_now(harness)
    assert await harness.offers(other) == [ops[0].id]  # active again, and at once offered the call
    assert await harness.state(ops[0]) is OperatorState.RINGING


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


async def _dialed(harness: Harness, project: Project, state: AttemptState) -> tuple[uuid.UUID, str]:
    contact = await add_contact(harness.sessions, project)
    call_id = uuid.uuid4()
    async with harness.sessions() as db, db.begin():
        db.add(
            Attempt(
                id=call_id, contact_id=contact.id, project_id=project.id, phone=contact.phone, state=state
            )
        )
    return call_id, contact.phone


async def _set_attempt(harness: Harness, call_id: uuid.UUID, state: AttemptState) -> None:
    async with harness.sessions() as db, db.begin():
        await db.execute(sa.update(Attempt).where(Attempt.id == call_id).values(state=state))


async def test_a_restart_mid_call_loses_no_call_and_leaves_no_stale_state(harness: Harness) -> None:
    """I4: rebuilt from Postgres, the call that ended meanwhile leaves its operator in card, the ringing
    operator is released and the waiting call is offered again."""
    ops = await add_operators(harness.sessions, 3)
    project = await add_project(harness.sessions, ops, strategy=QueueStrategy.LINEAR, queue_timeout_s=600)
    await ready(harness, ops)
    talked, phone_a = await _dialed(harness, project, AttemptState.ANSWERED)
    await harness.answer_call(talked, project.id, phone_a)
    await _set_attempt(harness, talked, AttemptState.TALKING)
    await harness.connect(talked, project.id, ops[0])
    waiting, phone_b = await _dialed(harness, project, AttemptState.ANSWERED)
    await harness.answer_call(waiting, project.id, phone_b)
    assert await harness.offers(waiting) == [ops[1].id]
    await choose(harness.sessions, ops[2], OperatorState.PAUSE)
    # The process dies; meanwhile the dialer's reconciler finds the first call gone.
    await _set_attempt(harness, talked, AttemptState.FINISHED)
    fresh = Router(
        FAST,
        harness.sessions,
        Heartbeats(harness.redis, harness.keys, FAST.heartbeat_timeout),
        on_commit=harness.on_commit,
    )
    async with fresh.transaction() as db:
        await recovery.rebuild(fresh, db)
    assert await harness.state(ops[0]) is OperatorState.IN_CARD
    assert fresh.waiting(waiting) is not None and fresh.waiting(talked) is None
    assert await harness.offers(waiting) == [ops[1].id, ops[1].id]  # offered again, nothing lost
    assert await harness.state(ops[1]) is OperatorState.RINGING
    assert await harness.state(ops[2]) is OperatorState.PAUSE


async def save_card(harness: Harness, operator: User) -> None:
    """What the gateway's card save does to the state: in card → the state the operator chose."""
    async with harness.sessions() as db, db.begin():
        chosen = await last_chosen_state(db, operator.id)
        await switch_state(db, operator.id, chosen, producer="api-gateway", reason="card_saved")
    await harness.send_state_change([operator])


async def test_state_intervals_have_no_gap_and_no_overlap_under_mixed_traffic(harness: Harness) -> None:
    """F-50, F-62: over a stretch of mixed traffic every operator's intervals tile time exactly."""
    ops = await add_operators(harness.sessions, 4)
    project = await add_project(
        harness.sessions, ops, strategy=QueueStrategy.ROUND_ROBIN, operator_timeout_s=1
    )
    await ready(harness, ops)
    rng = random.Random(7)
    live: list[uuid.UUID] = []
    for _ in range(40):
        action = rng.choice(["answer", "answer", "connect", "miss", "end", "save", "choose"])
        if action == "answer":
            live.append(await harness.answer(project.id))
        elif action in ("connect", "miss") and live:
            call = rng.choice(live)
            waiting = harness.router.waiting(call)
            if waiting is not None and waiting.offer is not None:
                operator = next(o for o in ops if o.id == waiting.offer.operator_ids[0])
                if action == "connect":
                    await harness.connect(call, project.id, operator)
                else:
                    await harness.miss(call, project.id, operator)
        elif action == "end" and live:
            call = live.pop(rng.randrange(len(live)))
            await harness.end(call, project.id)
        elif action == "save":
            for operator in ops:
                if await harness.state(operator) is OperatorState.IN_CARD:
                    await save_card(harness, operator)
        else:
            operator = rng.choice(ops)
            if await harness.state(operator) in (OperatorState.ACTIVE, OperatorState.PAUSE):
                await choose(
                    harness.sessions, operator, rng.choice([OperatorState.ACTIVE, OperatorState.PAUSE])
                )
                await harness.send_state_change([operator])
    for call in live:
        await harness.end(call, project.id)
    seen_states: set[OperatorState] = set()
    for operator in ops:
        rows = await harness.intervals(operator)
        seen_states |= {r.state for r in rows}
        assert [r.ended_at is None for r in rows].count(True) == 1
        assert rows[-1].ended_at is None
        for earlier, later in itertools.pairwise(rows):
            assert earlier.ended_at == later.started_at, (earlier.state, later.state)
        assert await harness.state(operator) is not OperatorState.TALKING
    assert {OperatorState.RINGING, OperatorState.TALKING, OperatorState.IN_CARD} <= seen_states
