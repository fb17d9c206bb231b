"""I4 and F-50: an operator whose browser goes silent goes offline and is offered nothing; a restart of
queue-router in the middle of calls loses none of them and leaves nobody in a state that is over; nor
does a restart of the PBX, which takes its calls with it."""

from obzvon_db.enums import OperatorState as S

from tests.acceptance.queue.checks import assert_tiled
from tests.acceptance.queue.floor import Floor
from tests.acceptance.queue.stack import HEARTBEAT_TIMEOUT


async def test_heartbeat_loss_takes_the_operator_offline(floor: Floor) -> None:
    """I4: the operator's tab closes (no /ws pings): after the heartbeat timeout they are offline and
    the call goes to the next operator although they come first; back online, the state they chose
    returns and calls come to them again."""
    a, b = ops = await floor.operators(2)
    project = await floor.project(ops)
    await a.close_app()
    await floor.until_state(a, S.OFFLINE, within=HEARTBEAT_TIMEOUT * 3)
    gone = await floor.watch.first("operator_state_changed", operator_id=a.id, state="offline")
    assert gone["previous_state"] == "active"
    call = await floor.answered_call(project, await floor.contact(project))
    assert await floor.route(call, b, ops) == [b.id]

    await a.open_app()
    await floor.until_state(a, S.ACTIVE, within=HEARTBEAT_TIMEOUT * 3)
    later = await floor.answered_call(project, await floor.contact(project))
    assert await floor.route(later, a, ops) == [a.id]
    rows = await floor.intervals(a)
    assert [(row.state, row.reason) for row in rows[:4]] == [
        (S.ACTIVE, None),
        (S.OFFLINE, "heartbeat_lost"),
        (S.ACTIVE, "heartbeat_back"),
        (S.RINGING, "queue_offer"),
    ]
    assert_tiled(rows)


async def test_a_restart_mid_call_loses_no_call_and_leaves_no_stale_state(floor: Floor) -> None:
    """I4: queue-router stops while A talks and B's phone rings for a waiting call; meanwhile A's
    client hangs up and a new client answers. Started again, it rebuilds from Postgres and the PBX's
    events: A goes to wrap-up, B is rung again for the same call, the new call rings C — and each of
    them is taken."""
    a, b, c = ops = await floor.operators(3)
    project = await floor.project(ops)
    talking = await floor.answered_call(project, await floor.contact(project))
    await floor.route(talking, a, ops)
    waiting = await floor.answered_call(project, await floor.contact(project))
    assert await floor.offers(waiting) == [b.id]
    first_ring = await b.rings()
    await floor.until_state(b, S.RINGING)

    await floor.stack.router.stop()
    await floor.client_hangs_up(talking)
    await floor.watch.first("call_ended", call_id=talking)
    arrived = await floor.answered_call(project, await floor.contact(project))
    assert floor.watch.all("connect_call", call_id=arrived) == []
    await floor.stack.router.start()

    await floor.until_state(a, S.IN_CARD)
    assert await floor.offers(waiting, 2) == [b.id, b.id]
    assert await floor.offers(arrived) == [c.id]
    await b.picks_up(not_as=first_ring)  # the phone rings anew for the same call
    await c.picks_up()
    for call, agent in ((waiting, b), (arrived, c)):
        await floor.watch.first("call_connected_to_operator", call_id=call, operator_id=agent.id)
        await floor.until_state(agent, S.TALKING)
    record = await floor.record(talking)
    assert (record.outcome, record.operator_id) == ("answered", a.id)
    assert await floor.calls_of(a, talking) == [S.RINGING, S.TALKING, S.IN_CARD]
    assert await floor.calls_of(b, waiting) == [S.RINGING, S.RINGING, S.TALKING]
    released = [row for row in await floor.intervals(b) if row.reason == "recovered"]
    assert [row.state for row in released] == [S.ACTIVE]
    for agent in ops:
        assert_tiled(await floor.intervals(agent))


async def test_a_pbx_restart_mid_talk_leaves_nobody_talking(floor: Floor) -> None:
    """I4: the PBX restarts while an operator talks, and the call is gone with it. Once the AMI link is
    back the dialer closes the call, and the operator moves on to its card. They do not stay «В
    разговоре» on a call that no longer exists, and the call keeps its record."""
    [operator] = await floor.operators(1)
    project = await floor.project([operator])
    call = await floor.answered_call(project, await floor.contact(project))
    await floor.route(call, operator, [operator])
    await floor.until_state(operator, S.TALKING)
    await floor.stack.sim.restart_ami()
    ended = await floor.watch.first("call_ended", call_id=call, within=30)
    assert ended["outcome"] == "failed_unknown"  # the PBX lost it: nobody can say how it ended
    await floor.until_state(operator, S.IN_CARD, within=30)
    assert await floor.calls_of(operator, call) == [S.RINGING, S.TALKING, S.IN_CARD]
    record = await floor.record(call)
    assert (record.operator_id, record.ended_at is not None) == (operator.id, True)
    await floor.wrap_up(operator, call, project)
    await floor.until_state(operator, S.ACTIVE)
