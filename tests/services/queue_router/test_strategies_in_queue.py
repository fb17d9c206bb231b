"""Each strategy offers the project's operators in app_queue order; operator timeouts and misses move
the call to the next operator (F-43)."""

import datetime as dt

import sqlalchemy as sa
from obzvon_db.enums import OperatorState, QueueStrategy
from obzvon_db.models import OperatorStateInterval, User
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from tests.services.queue_router.factories import add_operators, add_project, choose
from tests.services.queue_router.harness import Harness


async def ready(harness: Harness, operators: list[User]) -> None:
    for operator in operators:
        await choose(harness.sessions, operator, OperatorState.ACTIVE)
    await harness.beat(*operators)


async def test_linear_rings_from_the_first_and_a_miss_moves_on(harness: Harness) -> None:
    ops = await add_operators(harness.sessions, 3)
    project = await add_project(harness.sessions, ops, strategy=QueueStrategy.LINEAR)
    await ready(harness, ops)
    call = await harness.answer(project.id)
    assert await harness.offers(call) == [ops[0].id]
    assert await harness.state(ops[0]) is OperatorState.RINGING
    await harness.miss(call, project.id, ops[0], "BUSY")
    assert await harness.offers(call) == [ops[0].id, ops[1].id]
    assert await harness.state(ops[0]) is OperatorState.ACTIVE
    await harness.connect(call, project.id, ops[1])
    assert await harness.state(ops[1]) is OperatorState.TALKING
    second = await harness.answer(project.id)
    assert await harness.offers(second) == [ops[0].id]  # every new caller starts at the first


async def test_operator_timeout_moves_to_the_next_operator(harness: Harness) -> None:
    ops = await add_operators(harness.sessions, 3)
    project = await add_project(harness.sessions, ops, strategy=QueueStrategy.LINEAR, operator_timeout_s=1)
    await ready(harness, ops)
    call = await harness.answer(project.id)
    offered = await harness.until_offers(call, 3)
    assert offered[:3] == [ops[0].id, ops[1].id, ops[2].id]
    commands = (await harness.outbox("connect_call", call))[:3]
    assert [c["extension"] for c in commands] == [o.extension for o in ops]
    assert all(c["timeout_seconds"] == 1 for c in commands)
    await harness.end(call, project.id, outcome="abandoned")
    assert [await harness.state(o) for o in ops] == [OperatorState.ACTIVE] * 3


async def test_round_robin_continues_after_the_last_who_answered(harness: Harness) -> None:
    ops = await add_operators(harness.sessions, 4)
    project = await add_project(harness.sessions, ops, strategy=QueueStrategy.ROUND_ROBIN)
    await ready(harness, ops)
    first = await harness.answer(project.id)
    assert await harness.offers(first) == [ops[0].id]
    await harness.miss(first, project.id, ops[0])
    await harness.connect(first, project.id, ops[1])  # ops[1] answered last
    second = await harness.answer(project.id)
    assert await harness.offers(second) == [ops[2].id]
    await harness.miss(second, project.id, ops[2])
    assert await harness.offers(second) == [ops[2].id, ops[3].id]
    await harness.miss(second, project.id, ops[3])
    assert await harness.offers(second) == [ops[2].id, ops[3].id, ops[0].id]  # wraps, skips the talking one


async def _finished_call(
    sessions: async_sessionmaker[AsyncSession], operator: User, project_id: object, ended: dt.datetime
) -> None:
    async with sessions() as db, db.begin():
        db.add(
            OperatorStateInterval(
                operator_id=operator.id,
                state=OperatorState.TALKING,
                project_id=project_id,
                started_at=ended - dt.timedelta(minutes=1),
                ended_at=ended,
            )
        )


async def test_least_recent_rings_the_longest_idle_first(harness: Harness) -> None:
    ops = await add_operators(harness.sessions, 3)
    project = await add_project(harness.sessions, ops, strategy=QueueStrategy.LEAST_RECENT)
    base = dt.datetime.now(dt.UTC) - dt.timedelta(hours=2)
    await _finished_call(harness.sessions, ops[0], project.id, base + dt.timedelta(minutes=30))
    await _finished_call(harness.sessions, ops[1], project.id, base)
    await _finished_call(harness.sessions, ops[2], project.id, base + dt.timedelta(minutes=10))
    await ready(harness, ops)
    call = await harness.answer(project.id)
    await harness.miss(call, project.id, ops[1])
    await harness.miss(call, project.id, ops[2])
    assert await harness.offers(call) == [ops[1].id, ops[2].id, ops[0].id]


async def test_fewest_calls_rings_who_answered_the_fewest_today(harness: Harness) -> None:
    ops = await add_operators(harness.sessions, 3)
    project = await add_project(
        harness.sessions,
        ops,
        strategy=QueueStrategy.FEWEST_CALLS,
    )
    recent = dt.datetime.now(dt.UTC) - dt.timedelta(seconds=30)
    for operator, count in ((ops[0], 2), (ops[1], 3), (ops[2], 1)):
        for i in range(count):
            await _finished_call(harness.sessions, operator, project.id, recent - dt.timedelta(seconds=i))
    await ready(harness, ops)
    call = await harness.answer(project.id)
    await harness.miss(call, project.id, ops[2])
    await harness.miss(call, project.id, ops[0])
    assert await harness.offers(call) == [ops[2].id, ops[0].id, ops[1].id]


async def test_ring_all_rings_everyone_and_the_first_to_answer_takes_it(harness: Harness) -> None:
    ops = await add_operators(harness.sessions, 3)
    project = await add_project(harness.sessions, ops, strategy=QueueStrategy.RING_ALL)
    await ready(harness, ops[:2])
    await choose(harness.sessions, ops[2], OperatorState.PAUSE)
    await harness.beat(ops[2])
    call = await harness.answer(project.id)
    [command] = await harness.outbox("connect_call", call)
    assert command["ring_all"] == [ops[0].extension, ops[1].extension]
    assert [await harness.state(o) for o in ops] == [
        OperatorState.RINGING,
        OperatorState.RINGING,
        OperatorState.PAUSE,
    ]
    await harness.connect(call, project.id, ops[1])
    assert [await harness.state(o) for o in ops[:2]] == [OperatorState.ACTIVE, OperatorState.TALKING]


async def test_group_link_order_comes_before_names(harness: Harness) -> None:
    """The list order: groups in the order they were linked to the project, then names."""
    late = await add_operators(harness.sessions, 1, "Аааа")
    early = await add_operators(harness.sessions, 1, "Яяяя")
    project = await add_project(harness.sessions, early, strategy=QueueStrategy.LINEAR)
    second_group = await add_project(harness.sessions, late)
    async with harness.sessions() as db, db.begin():
        from obzvon_db.models import ProjectGroup

        group_id = await db.scalar(
            sa.select(ProjectGroup.group_id).where(ProjectGroup.project_id == second_group.id)
        )
        db.add(ProjectGroup(project_id=project.id, group_id=group_id))
    await ready(harness, [*early, *late])
    call = await harness.answer(project.id)
    assert await harness.offers(call) == [early[0].id]
