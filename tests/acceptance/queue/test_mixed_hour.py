"""F-50, F-62, I4: over a simulated hour of mixed traffic each operator's state intervals cover the
whole hour with no overlap and no gap, every answered call was either taken or counted as lost, and
the call records agree with who talked."""

import asyncio
import contextlib
import datetime as dt
import random
import time
import uuid

import sqlalchemy as sa
from obzvon_db.enums import DialMode
from obzvon_db.enums import OperatorState as S
from obzvon_db.models import Project

from tests.acceptance.queue.checks import assert_tiled
from tests.acceptance.queue.floor import Floor
from tests.acceptance.queue.shift import Desk, Habit, at, calls_coming_in, real
from tests.telephony.stack import eventually

HOUR = 3600.0
#: Campaign numbers by last digit: mostly clients who stay until the operator ends the talk (9),
#: some who talk 20 s or 3 s (0, 7) or are a machine (5), and busy, unanswered and rejected numbers.
DIGITS = [9] * 12 + [0, 7, 5] + [1, 2, 3]
CHOSEN = {S.ACTIVE, S.PAUSE, S.DND, S.INACTIVE, S.OFFLINE}


async def set_running(floor: Floor, project: Project, running: bool) -> None:
    async with floor.sessions() as db, db.begin():
        await db.execute(sa.update(Project).where(Project.id == project.id).values(is_running=running))


async def test_a_simulated_hour_of_mixed_traffic_leaves_gapless_intervals(floor: Floor) -> None:
    """An hour (36 s of real time): a progressive campaign, inbound calls, callbacks coming due, manual
    calls from cards, breaks, a browser lost for a while and a queue-router restart mid-hour. The
    fourth operator's phone always rings out (operator timeouts)."""
    rng = random.Random(20261123)
    ops = await floor.operators(4)
    campaign = await floor.project(
        ops,
        dial_mode=DialMode.PROGRESSIVE,
        max_concurrent_calls=6,
        queue_timeout_s=120,
        operator_timeout_s=15,
        client_window_start=dt.time(0, 0),
        client_window_end=dt.time(23, 59, 59),
    )
    for _ in range(250):
        await floor.contact(campaign, rng.choice(DIGITS))
    desk = await floor.project(ops, queue_timeout_s=120, operator_timeout_s=15)
    to_call = [await floor.contact(desk, 9) for _ in range(12)]
    habits = [Habit(2.0), Habit(4.0, breaks=(600.0, 1800.0, 3000.0)), Habit(3.0), Habit(25.0)]
    desks = [Desk(floor, agent, habit, rng, to_call) for agent, habit in zip(ops, habits, strict=True)]

    async def browser_lost() -> None:
        """The third operator's browser is gone until they are taken offline, then back."""
        await ops[2].close_app()
        await floor.until_state(ops[2], S.OFFLINE, within=30.0)
        await ops[2].open_app()

    start, began = time.monotonic(), dt.datetime.now(dt.UTC)
    stop, traffic_stop = asyncio.Event(), asyncio.Event()
    working = [asyncio.create_task(d.work(stop)) for d in desks]
    inbound = asyncio.create_task(calls_coming_in(floor, campaign, rng, traffic_stop))
    await set_running(floor, campaign, True)
    callbacks = [await floor.contact(desk, 9) for _ in range(2)]
    for agent, contact, due in ((ops[0], callbacks[0], 600.0), (ops[1], callbacks[1], 1800.0)):
        await floor.task(agent, contact, real(due))
    await asyncio.gather(
        at(start, 900.0, browser_lost),
        at(start, 2400.0, floor.stack.router.restart),
        at(start, HOUR, lambda: set_running(floor, campaign, False)),
    )
    traffic_stop.set()
    callers = await inbound

    async def all_quiet() -> bool | None:
        states = {await floor.state(agent) for agent in ops}
        return True if not floor.stack.sim.engine.channels.all() and states <= CHOSEN else None

    await eventually(all_quiet, within=30.0)
    stop.set()
    await asyncio.gather(*working)

    seen: set[S] = set()
    for agent in ops:
        rows = await floor.intervals(agent)
        assert_tiled(rows, since=began)
        seen |= {S(row.state) for row in rows}
    assert seen >= {S.ACTIVE, S.PAUSE, S.RINGING, S.TALKING, S.IN_CARD, S.RINGBACK, S.OFFLINE}, seen
    assert callers >= 10 and sum(len(d.placed) for d in desks) >= 1

    projects = {str(campaign.id), str(desk.id)}

    def calls(name: str) -> dict[str, dict[str, object]]:
        return {e["call_id"]: e for e in floor.watch.all(name) if e["project_id"] in projects}

    async def settled() -> bool | None:
        """Every answered call's end is known, and each one was taken or counted as lost."""
        answered, done = set(calls("call_answered")), set(calls("call_connected_to_operator"))
        return (
            True
            if answered <= set(calls("call_ended")) and answered <= done | set(calls("call_abandoned"))
            else None
        )

    with contextlib.suppress(TimeoutError):
        await eventually(settled, within=20.0)
    answered, ended, lost = calls("call_answered"), calls("call_ended"), calls("call_abandoned")
    connected = {call_id: str(e["operator_id"]) for call_id, e in calls("call_connected_to_operator").items()}
    assert len(connected) >= 20 and lost.keys().isdisjoint(connected)
    assert set(answered) <= set(ended)
    assert set(answered) <= set(connected) | set(lost), (
        "an answered call was neither taken nor counted as lost"
    )
    assert {ended[call_id]["outcome"] for call_id in lost} == {"abandoned"}
    talked = {
        (str(row.call_id), str(agent.id))
        for agent in ops
        for row in await floor.intervals(agent)
        if row.state == S.TALKING
    }
    assert set(connected.items()) <= talked
    records = {call_id: await floor.record(uuid.UUID(call_id)) for call_id in [*connected, *lost]}
    assert {call_id: str(records[call_id].operator_id) for call_id in connected} == connected
    assert {records[call_id].outcome for call_id in connected} == {"answered"}
    assert {records[call_id].outcome for call_id in lost} == {"abandoned"}
