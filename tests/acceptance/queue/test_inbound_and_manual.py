"""F-44: an inbound call on a trunk joins the queue of the project the trunk points to, and the card
finds the caller by number or creates them; F-45: a manual call from the card rings the operator's
phone first, then the client, outside the queue."""

import uuid

import sqlalchemy as sa
from obzvon_db.enums import OperatorState as S
from obzvon_db.models import Contact
from obzvon_pbx_sim.telephony import causes
from obzvon_pbx_sim.telephony.channel import Channel

from tests.acceptance.queue.floor import Floor


async def test_an_inbound_call_reaches_the_trunks_project(floor: Floor) -> None:
    """F-44: the PBX sets the trunk's project on the call (from the generated PJSIP configuration);
    the call waits in that project's queue, rings its operator, and the card pops with the contact
    found by the caller's number — or a new contact for an unknown one."""
    ops = await floor.operators(1)
    await floor.project(ops)  # another project of the same operator, which the trunk does not serve
    project = await floor.project(ops)
    known = await floor.contact(project, full_name="Известный клиент")
    trunk = await floor.inbound_trunk(project)
    assert trunk.inbound_project_id == project.id
    call, channel = floor.ring_in(trunk, known.phone, did="74950001122")
    answered = await floor.watch.first("call_answered", call_id=call)
    assert (answered["direction"], answered["project_id"], answered["trunk_id"]) == (
        "in",
        str(project.id),
        str(trunk.id),
    )
    assert await floor.route(call, ops[0], ops) == [ops[0].id]
    card = await floor.watch.first("card_opened", call_id=call)
    assert (card["contact_id"], card["direction"], card["call_type"]) == (str(known.id), "in", "inbound")
    await floor.stack.sim.engine.hangup(channel, causes.NORMAL_CLEARING, request="remote")
    record = await floor.record(call)
    assert (record.direction, record.call_type, record.project_id) == ("in", "inbound", project.id)
    assert (record.outcome, record.operator_id, record.contact_id) == ("answered", ops[0].id, known.id)
    await floor.wrap_up(ops[0], call, project)

    stranger = "79990001122"
    call, channel = floor.ring_in(trunk, stranger)
    assert await floor.route(call, ops[0], ops) == [ops[0].id]
    card = await floor.watch.first("card_opened", call_id=call)
    async with floor.sessions() as db:
        created = await db.scalar(sa.select(Contact).where(Contact.id == uuid.UUID(card["contact_id"])))
    assert created is not None and (created.phone, created.project_id) == (stranger, project.id)
    assert await floor.calls_of(ops[0], call) == [S.RINGING, S.TALKING]


async def test_a_manual_call_rings_the_operator_first(floor: Floor) -> None:
    """F-45: "call" on the card (allowed in "do not disturb") originates the operator's own phone
    into the manual-call context; only when they pick up is the client dialled through the trunk.
    The operator listens to ringback, talks, then wraps up and returns to the state they chose;
    the call never enters the queue and is recorded as manual."""
    ops = await floor.operators(1, state="dnd")
    operator = ops[0]
    project = await floor.project(ops)
    contact = await floor.contact(project)
    call = await operator.call(contact.id)
    assert await floor.state(operator) is S.RINGBACK
    await operator.rings()
    [entry] = floor.stack.sim.ledger.by_channel_id(str(call))
    assert (entry.channel, entry.context, entry.exten) == (
        f"PJSIP/{operator.extension}",
        "obzvon-manual",
        contact.phone,
    )
    channels = floor.stack.sim.engine.channels.all()
    assert [c.endpoint for c in channels if c.linkedid == str(call)] == [operator.extension]  # no client yet

    await operator.picks_up()
    connected = await floor.watch.first("call_connected_to_operator", call_id=call)
    assert connected["operator_id"] == str(operator.id)
    await floor.until_state(operator, S.TALKING)
    await operator.hangs_up()
    await floor.wrap_up(operator, call, project)
    await floor.until_state(operator, S.DND)
    record = await floor.record(call)
    assert (record.call_type, record.outcome, record.operator_id) == ("manual", "answered", operator.id)
    assert floor.watch.all("connect_call", call_id=call) == []
    assert floor.watch.all("call_answered", call_id=call)[0]["operator_id"] == str(operator.id)
    assert await floor.states(operator) == [S.DND, S.RINGBACK, S.TALKING, S.IN_CARD, S.DND]


async def test_a_refused_manual_call_frees_the_operator(floor: Floor) -> None:
    """F-45, I1: a manual call to a contact already on a live call is refused by the dialer; the
    operator does not stay in «Слушает гудки» — the call ends as failed, they fill the card and return
    to the state they chose."""
    first, second = await floor.operators(2, state="dnd")
    project = await floor.project([first, second])
    contact = await floor.contact(project)
    await first.call(contact.id)
    await first.rings()  # the contact now has a live attempt
    call = await second.call(contact.id)
    ended = await floor.watch.first("call_ended", call_id=call)
    assert (ended["outcome"], ended["answered_at"]) == ("failed", None)
    assert floor.stack.sim.ledger.by_channel_id(str(call)) == []  # nothing was dialled
    await floor.until_state(second, S.IN_CARD)
    await floor.wrap_up(second, call, project)
    await floor.until_state(second, S.DND)
    assert await floor.states(second) == [S.DND, S.RINGBACK, S.IN_CARD, S.DND]


async def caller_on_hold(floor: Floor, caller: str) -> tuple[uuid.UUID, Channel]:
    """An inbound caller waiting on hold: the project's only operator has paused."""
    [operator] = await floor.operators(1)
    await operator.choose("pause")
    trunk = await floor.inbound_trunk(await floor.project([operator]))
    call, channel = floor.ring_in(trunk, caller)
    await floor.watch.first("call_answered", call_id=call)
    return call, channel


async def test_an_inbound_caller_left_waiting_through_a_restart_is_lost_by_queue_timeout(
    floor: Floor,
) -> None:
    """F-43, F-44, I4: nobody can take the inbound call (the only operator pauses) and queue-router is
    down while it waits; the PBX ends the wait at the dialplan's limit. The call is counted lost by
    queue timeout, not as a caller who gave up: the call says the system hung up, which the restarted
    router goes by, having forgotten its own queue state."""
    call, _channel = await caller_on_hold(floor, "79990003344")
    await floor.stack.router.stop()
    ended = await floor.watch.first("call_ended", call_id=call)
    assert (ended["outcome"], ended["hangup_by"]) == ("abandoned", "system")
    await floor.stack.router.start()
    lost = await floor.watch.first("call_abandoned", call_id=call)
    assert lost["reason"] == "queue_timeout"
    record = await floor.record(call)
    assert (record.direction, record.outcome, record.operator_id) == ("in", "abandoned", None)


async def test_an_inbound_caller_who_hangs_up_while_waiting_gave_up(floor: Floor) -> None:
    """F-44: the caller's own hangup while on hold is theirs: lost as "client_hangup"."""
    call, channel = await caller_on_hold(floor, "79990003355")
    await floor.stack.sim.engine.hangup(channel, causes.NORMAL_CLEARING, request="remote")
    ended = await floor.watch.first("call_ended", call_id=call)
    assert (ended["outcome"], ended["hangup_by"]) == ("abandoned", "client")
    lost = await floor.watch.first("call_abandoned", call_id=call)
    assert lost["reason"] == "client_hangup"
