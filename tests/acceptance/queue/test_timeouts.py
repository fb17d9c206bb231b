"""F-43: the operator timeout moves the call on, the queue timeout drops it as lost, auto-answer
connects without a click — acted out by pbx-sim's dialplan and phones."""

from obzvon_db.enums import OperatorState as S
from obzvon_db.enums import QueueStrategy
from obzvon_events.commands import HangupCall

from tests.acceptance.queue.floor import Floor


async def test_operator_timeout_moves_on_to_the_next_operator(floor: Floor) -> None:
    """F-43: nobody picks up within the project's operator timeout (20 s): the PBX stops ringing that
    phone, and the call rings the next operator."""
    ops = await floor.operators(2)
    project = await floor.project(ops, QueueStrategy.LINEAR, operator_timeout_s=20)
    call = await floor.answered_call(project, await floor.contact(project))
    [first] = await floor.watch.arrived("connect_call", call_id=call)
    assert (first["operator_id"], first["timeout_seconds"]) == (str(ops[0].id), 20)
    await ops[0].rings()
    missed = await floor.watch.first("call_operator_missed", call_id=call)
    assert (missed["operator_id"], missed["dial_status"]) == (str(ops[0].id), "NOANSWER")
    assert await floor.offers(call, 2) == [ops[0].id, ops[1].id]
    await ops[1].picks_up()
    await floor.watch.first("call_connected_to_operator", call_id=call, operator_id=ops[1].id)
    await floor.client_hangs_up(call)
    record = await floor.record(call)
    assert (record.outcome, record.operator_id) == ("answered", ops[1].id)
    rows = await floor.intervals(ops[0])
    rang = next(i for i, row in enumerate(rows) if row.call_id == call)
    assert rows[rang].state is S.RINGING and rows[rang + 1].state is S.ACTIVE
    assert rows[rang + 1].reason in ("operator_missed", "operator_timeout")


async def test_queue_timeout_drops_the_call_as_lost(floor: Floor) -> None:
    """F-43: a call nobody takes within the queue timeout (100 s) is hung up and counted as lost. On
    hold, the dialplan's own limit on the wait ends it; while an operator's phone rings (operator
    timeout 150 s), the ring is let finish — the operator may still pick up — and then queue-router
    hangs up."""
    ringing, paused = await floor.operators(2)
    await paused.choose("pause")
    rung = await floor.project([ringing], operator_timeout_s=150, queue_timeout_s=100)
    held = await floor.project([paused], operator_timeout_s=150, queue_timeout_s=100)
    offered = await floor.answered_call(rung, await floor.contact(rung))
    on_hold = await floor.answered_call(held, await floor.contact(held))
    await ringing.rings()
    for call, waited in ((on_hold, 1.0), (offered, 1.5)):
        lost = await floor.watch.first("call_abandoned", call_id=call)
        assert lost["reason"] == "queue_timeout" and lost["waited_seconds"] >= waited * 0.9
        ended = await floor.watch.first("call_ended", call_id=call)
        assert (ended["outcome"], ended["hangup_by"]) == ("abandoned", "system")
        record = await floor.record(call)
        assert (record.outcome, record.operator_id, record.talk_s) == ("abandoned", None, 0)
    missed = await floor.watch.first("call_operator_missed", call_id=offered)
    assert missed["dial_status"] == "NOANSWER"
    [hangup] = await floor.watch.arrived("hangup_call", call_id=offered)
    assert hangup["reason"] == "queue_timeout"
    await floor.until_state(ringing, S.ACTIVE)
    assert await floor.calls_of(ringing, offered) == [S.RINGING]
    assert await floor.offers(offered) == [ringing.id]  # no new ring past the queue timeout
    assert await floor.states(paused) == [S.ACTIVE, S.PAUSE]


async def test_auto_answer_connects_without_a_click(floor: Floor) -> None:
    """F-43: in a project with auto-answer the operator's phone picks up by itself; nobody touches it."""
    ops = await floor.operators(1)
    project = await floor.project(ops, auto_answer=True)
    call = await floor.answered_call(project, await floor.contact(project))
    [command] = await floor.watch.arrived("connect_call", call_id=call)
    assert command["auto_answer"] is True
    connected = await floor.watch.first("call_connected_to_operator", call_id=call)
    assert connected["operator_id"] == str(ops[0].id)
    await floor.until_state(ops[0], S.TALKING)
    card = await floor.watch.first("card_opened", call_id=call)
    assert card["operator_id"] == str(ops[0].id)
    await floor.client_hangs_up(call)
    record = await floor.record(call)
    assert (record.outcome, record.operator_id) == ("answered", ops[0].id)
    await floor.until_state(ops[0], S.IN_CARD)
    assert await floor.calls_of(ops[0], call) == [S.RINGING, S.TALKING, S.IN_CARD]


async def test_a_late_queue_timeout_never_hangs_up_a_taken_call(floor: Floor) -> None:
    """F-43: the queue timeout may reach the dialer just after an operator picked up (queue-router had
    not heard of it yet): the dialer leaves that call alone. Other hang-ups still end it."""
    ops = await floor.operators(1)
    project = await floor.project(ops)
    call = await floor.answered_call(project, await floor.contact(project))
    await floor.route(call, ops[0], ops)
    late = await floor.stack.commands.publish_event(
        HangupCall(call_id=call, reason="queue_timeout"), "queue-router", require_route=True
    )
    await floor.handled_by_dialer(late.id)
    assert floor.stack.sim.engine.channels.find(str(call)) is not None
    assert floor.watch.all("call_ended", call_id=call) == []
    await floor.stack.commands.publish_event(
        HangupCall(call_id=call, reason="supervisor"), "api-gateway", require_route=True
    )
    ended = await floor.watch.first("call_ended", call_id=call)
    assert (ended["outcome"], ended["operator_id"]) == ("answered", str(ops[0].id))
    assert floor.watch.all("call_abandoned", call_id=call) == []
