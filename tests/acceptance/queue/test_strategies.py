"""F-43: each ring strategy offers the project's operators in the order app_queue would, with real calls
through pbx-sim: the dialer places the call, queue-router picks operators (``connect_call``), their
phones ring and are declined or picked up; the call record and the operators' intervals follow."""

import uuid

from obzvon_db.enums import OperatorState as S
from obzvon_db.enums import QueueStrategy
from obzvon_db.models import Project

from tests.acceptance.queue.floor import Floor
from tests.acceptance.queue.people import Agent


async def test_linear_always_starts_at_the_first_listed(floor: Floor) -> None:
    """F-43 linear: every call rings the list from the top; a declined ring moves to the next."""
    ops = await floor.operators(3)
    project = await floor.project(ops, QueueStrategy.LINEAR)
    first = await floor.answered_call(project, await floor.contact(project))
    assert await floor.route(first, ops[1], ops) == [ops[0].id, ops[1].id]
    missed = await floor.watch.first("call_operator_missed", call_id=first)
    assert (missed["operator_id"], missed["dial_status"]) == (str(ops[0].id), "BUSY")
    second = await floor.answered_call(project, await floor.contact(project))
    assert await floor.route(second, ops[2], ops) == [ops[0].id, ops[2].id]

    await floor.client_hangs_up(first)
    record = await floor.record(first)
    assert (record.outcome, record.operator_id, record.call_type) == ("answered", ops[1].id, "auto")
    await floor.until_state(ops[1], S.IN_CARD)
    assert await floor.calls_of(ops[0], first) == [S.RINGING]
    assert await floor.calls_of(ops[1], first) == [S.RINGING, S.TALKING, S.IN_CARD]
    assert await floor.state(ops[0]) is S.ACTIVE


async def test_round_robin_continues_after_the_last_who_answered(floor: Floor) -> None:
    """F-43 round robin with memory: the next call starts right after the operator who answered last,
    wraps around the list and passes by whoever is talking."""
    ops = await floor.operators(4)
    project = await floor.project(ops, QueueStrategy.ROUND_ROBIN)
    first = await floor.answered_call(project, await floor.contact(project))
    assert await floor.route(first, ops[1], ops) == [ops[0].id, ops[1].id]
    second = await floor.answered_call(project, await floor.contact(project))
    assert await floor.route(second, ops[0], ops) == [ops[2].id, ops[3].id, ops[0].id]
    third = await floor.answered_call(project, await floor.contact(project))
    assert await floor.route(third, ops[2], ops) == [ops[2].id]  # after ops[0]; ops[1] talks

    for call in (first, second, third):
        await floor.client_hangs_up(call)
    records = [await floor.record(call) for call in (first, second, third)]
    assert [(r.outcome, r.operator_id) for r in records] == [
        ("answered", ops[1].id),
        ("answered", ops[0].id),
        ("answered", ops[2].id),
    ]
    assert await floor.calls_of(ops[3], second) == [S.RINGING]


async def take_calls(floor: Floor, project: Project, ops: list[Agent], takers: list[Agent]) -> None:
    """History: each taker in turn answers a call, talks, and saves the card."""
    for taker in takers:
        call = await floor.answered_call(project, await floor.contact(project))
        await floor.route(call, taker, ops)
        await floor.client_hangs_up(call)
        await floor.wrap_up(taker, call, project)
        await floor.until_state(taker, S.ACTIVE)


async def first_pass(floor: Floor, project: Project, ops: list[Agent]) -> list[uuid.UUID]:
    """A new call that every operator declines: the order of the first pass."""
    call = await floor.answered_call(project, await floor.contact(project))
    for position in range(len(ops)):
        offered = (await floor.offers(call, position + 1))[position]
        await next(a for a in ops if a.id == offered).declines()
    order = (await floor.offers(call, len(ops)))[: len(ops)]
    await floor.client_hangs_up(call)
    await floor.watch.first("call_abandoned", call_id=call, reason="client_hangup")
    return order


async def test_least_recent_and_fewest_calls_follow_the_operators_history(floor: Floor) -> None:
    """F-43 least recent: the longest idle since their last call first; fewest calls: the fewest calls
    answered today first, ties in list order. The history is real calls: C, A, B, then B again."""
    a, b, c = ops = await floor.operators(3)
    project = await floor.project(ops, QueueStrategy.LINEAR)
    await take_calls(floor, project, ops, [c, a, b, b])
    await floor.set_strategy(project, QueueStrategy.LEAST_RECENT)
    assert await first_pass(floor, project, ops) == [c.id, a.id, b.id]
    await floor.set_strategy(project, QueueStrategy.FEWEST_CALLS)
    assert await first_pass(floor, project, ops) == [a.id, c.id, b.id]
    assert [await floor.states(agent) for agent in ops].count([]) == 0
    assert (await floor.states(b)).count(S.TALKING) == 2


async def test_ring_all_rings_everyone_and_the_others_stop_when_one_answers(floor: Floor) -> None:
    """F-43 ring all: every free operator's phone rings at once (not those on pause); the first to pick
    up takes the call, the other phones stop and nobody else is counted as having missed it."""
    ops = await floor.operators(3)
    await ops[2].choose("pause")
    project = await floor.project(ops, QueueStrategy.RING_ALL)
    call = await floor.answered_call(project, await floor.contact(project))
    [command] = await floor.watch.arrived("connect_call", call_id=call)
    assert command["ring_all"] == [ops[0].extension, ops[1].extension]
    await ops[0].rings()
    await ops[1].picks_up()
    connected = await floor.watch.first("call_connected_to_operator", call_id=call)
    assert connected["operator_id"] == str(ops[1].id)
    await floor.until_state(ops[0], S.ACTIVE)
    assert not ops[0].ringing() and not ops[2].ringing()
    assert await floor.calls_of(ops[0], call) == [S.RINGING]
    assert await floor.calls_of(ops[1], call) == [S.RINGING, S.TALKING]
    assert await floor.calls_of(ops[2], call) == []
    assert floor.watch.all("call_operator_missed", call_id=call) == []
    await floor.client_hangs_up(call)
    record = await floor.record(call)
    assert (record.outcome, record.operator_id) == ("answered", ops[1].id)
