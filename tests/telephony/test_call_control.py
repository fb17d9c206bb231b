"""Call control from the bus: connect a waiting call to an operator (F-43) and hang one up (queue
timeout), as queue-router does; commands are acted on once (I2)."""

import uuid

import sqlalchemy as sa
from obzvon_db.enums import AttemptState
from obzvon_db.models import ProcessedMessage
from obzvon_dialer.runtime import Telephony
from obzvon_events.commands import ConnectCall, HangupCall
from obzvon_pbx_sim import PbxSim
from obzvon_platform.bus import Bus

from tests.telephony.stack import (
    EventWatch,
    Sessions,
    World,
    add_contact,
    attempt,
    attempt_in,
    eventually,
    finished_record,
    originate_command,
    originates_of,
    send,
)


async def test_connected_call_is_answered_by_the_operator(
    connected: Telephony, commands: Bus, events: EventWatch, sessions: Sessions, world: World
) -> None:
    contact = await add_contact(sessions, world.project, 0)
    call = originate_command(world.project, contact)
    await send(commands, call)
    answered = await events.wait(call.call_id, "call_answered")
    assert answered.data["phone"] == contact.phone

    connect = ConnectCall(call_id=call.call_id, operator_id=world.operator.id, extension="101")
    await send(commands, connect)
    bridged = await events.wait(call.call_id, "call_connected_to_operator")
    assert bridged.data["operator_id"] == str(world.operator.id) and bridged.data["extension"] == "101"
    assert (await attempt_in(sessions, call.call_id, {AttemptState.TALKING})).operator_id == world.operator.id

    record = await finished_record(sessions, call.call_id)
    assert (record.outcome, record.client_status, record.operator_status) == (
        "answered",
        "Клиент ответил",
        "Оператор ответил",
    )
    assert record.operator_id == world.operator.id
    assert record.answered_at is not None and record.connected_at is not None and record.ended_at is not None
    assert record.answered_at < record.connected_at < record.ended_at
    assert record.talk_s >= 1 and record.duration_s == record.dial_s + record.wait_s + record.talk_s


async def test_ring_all_bridges_the_first_operator_to_answer(
    connected: Telephony, commands: Bus, events: EventWatch, sessions: Sessions, world: World, sim: PbxSim
) -> None:
    """F-43 ring-all: 102 (never answers) and 101 ring at once; 101 takes the call, 102 stops ringing
    and is not reported as a missed ring."""
    contact = await add_contact(sessions, world.project, 0)
    call = originate_command(world.project, contact)
    await send(commands, call)
    await events.wait(call.call_id, "call_answered")
    offer = ConnectCall(
        call_id=call.call_id,
        operator_id=world.operators["102"].id,
        extension="102",
        ring_all=["102", "101"],
    )
    await send(commands, offer)
    bridged = await events.wait(call.call_id, "call_connected_to_operator")
    assert (bridged.data["extension"], bridged.data["operator_id"]) == ("101", str(world.operator.id))
    record = await finished_record(sessions, call.call_id)
    assert (record.outcome, record.operator_status, record.operator_id) == (
        "answered",
        "Оператор ответил",
        world.operator.id,
    )
    assert events.of(call.call_id, "call_operator_missed") == []
    assert not [chan for chan in sim.engine.channels.all() if chan.endpoint == "102"]


async def test_busy_operator_is_reported_as_missed(
    connected: Telephony, commands: Bus, events: EventWatch, sessions: Sessions, world: World
) -> None:
    """The dialplan rings 103, who is busy: call_operator_missed lets queue-router move on (F-43)."""
    contact = await add_contact(sessions, world.project, 0)
    call = originate_command(world.project, contact)
    await send(commands, call)
    await events.wait(call.call_id, "call_answered")
    await send(
        commands, ConnectCall(call_id=call.call_id, operator_id=world.operators["103"].id, extension="103")
    )
    missed = await events.wait(call.call_id, "call_operator_missed")
    assert (missed.data["extension"], missed.data["dial_status"]) == ("103", "BUSY")
    assert missed.data["operator_id"] == str(world.operators["103"].id)
    await send(commands, ConnectCall(call_id=call.call_id, operator_id=world.operator.id, extension="101"))
    await events.wait(call.call_id, "call_connected_to_operator")
    record = await finished_record(sessions, call.call_id)
    assert (record.outcome, record.operator_id) == ("answered", world.operator.id)


async def test_hangup_drops_a_waiting_call_as_abandoned(
    connected: Telephony, commands: Bus, events: EventWatch, sessions: Sessions, world: World, sim: PbxSim
) -> None:
    contact = await add_contact(sessions, world.project, 0)
    call = originate_command(world.project, contact)
    await send(commands, call)
    await events.wait(call.call_id, "call_answered")
    await send(commands, HangupCall(call_id=call.call_id, reason="queue_timeout"))
    ended = await events.wait(call.call_id, "call_ended")
    assert (ended.data["outcome"], ended.data["hangup_by"]) == ("abandoned", "system")
    record = await finished_record(sessions, call.call_id)
    assert record.operator_status == "Оператор не отвечает" and record.operator_id is None
    assert record.billing_s == record.wait_s and record.talk_s == 0
    assert originates_of(sim, call.call_id) == 1


async def test_a_redelivered_originate_dials_once(
    connected: Telephony, commands: Bus, events: EventWatch, sessions: Sessions, world: World, sim: PbxSim
) -> None:
    """The same command twice (a redelivery): one Originate (I2)."""
    contact = await add_contact(sessions, world.project, 1)
    command = originate_command(world.project, contact)
    envelope = command.to_envelope("tests")
    for _ in range(2):
        await commands.publish(envelope, command.routing_key, require_route=True)
    await finished_record(sessions, command.call_id)
    assert originates_of(sim, command.call_id) == 1


async def test_a_second_live_attempt_for_a_contact_is_refused(
    connected: Telephony, commands: Bus, events: EventWatch, sessions: Sessions, world: World, sim: PbxSim
) -> None:
    """I1: while one attempt of the contact is live, another one is not placed."""
    contact = await add_contact(sessions, world.project, 7)
    first = originate_command(world.project, contact)
    await send(commands, first)
    await events.wait(first.call_id, "call_originated")
    second = originate_command(world.project, contact, uuid.uuid4())
    await send(commands, second)
    record = await finished_record(sessions, first.call_id)
    assert record.outcome == "abandoned"
    assert await attempt(sessions, second.call_id) is None
    assert originates_of(sim, second.call_id) == 0 and originates_of(sim, first.call_id) == 1


async def test_connect_to_a_finished_call_is_refused(
    connected: Telephony, commands: Bus, events: EventWatch, sessions: Sessions, world: World
) -> None:
    contact = await add_contact(sessions, world.project, 1)
    call = originate_command(world.project, contact)
    await send(commands, call)
    await finished_record(sessions, call.call_id)
    connect = await send(
        commands, ConnectCall(call_id=call.call_id, operator_id=world.operator.id, extension="101")
    )
    await handled(sessions, connect.id)
    row = await attempt(sessions, call.call_id)
    assert row is not None and row.operator_id is None and row.outcome == "busy"


async def handled(sessions: Sessions, message_id: uuid.UUID) -> None:
    """Wait until the dialer took the command (its id is in ``processed_messages``)."""

    async def check() -> bool | None:
        async with sessions() as db:
            found = await db.scalar(
                sa.select(ProcessedMessage.message_id).where(
                    ProcessedMessage.consumer == "dialer.commands", ProcessedMessage.message_id == message_id
                )
            )
        return True if found else None

    await eventually(check)
