"""Call types queue-router relies on: manual click-to-call (F-45), inbound calls (F-44) and missed
operator rings (F-43), against pbx-sim acting out the dialplan contract."""

import uuid

from obzvon_dialer.calls.translator import inbound_call_id
from obzvon_dialer.runtime import Telephony
from obzvon_events.commands import ConnectCall, OriginateCall
from obzvon_pbx_sim import InboundCall, PbxSim
from obzvon_platform.bus import Bus

from tests.telephony.stack import (
    DIAL_TIMEOUT,
    EventWatch,
    Sessions,
    World,
    add_contact,
    finished_record,
    send,
)


def manual_command(world: World, contact_id: uuid.UUID, phone: str) -> OriginateCall:
    return OriginateCall(
        call_id=uuid.uuid4(),
        project_id=world.project.id,
        contact_id=contact_id,
        phone=phone,
        operator_id=world.operator.id,
        timeout_seconds=DIAL_TIMEOUT,
        call_type="manual",
    )


async def test_manual_call_rings_the_operator_first_then_the_client(
    connected: Telephony, commands: Bus, events: EventWatch, sessions: Sessions, world: World, sim: PbxSim
) -> None:
    """F-45: the operator's phone is originated into obzvon-manual; once the client answers, the
    operator is connected (no queue), and the call ends as answered."""
    contact = await add_contact(sessions, world.project, 0)
    call = manual_command(world, contact.id, contact.phone)
    await send(commands, call)
    bridged = await events.wait(call.call_id, "call_connected_to_operator")
    assert bridged.data["operator_id"] == str(world.operator.id) and bridged.data["extension"] == "101"
    (entry,) = sim.ledger.by_channel_id(str(call.call_id))
    assert (entry.channel, entry.context, entry.exten) == ("PJSIP/101", "obzvon-manual", contact.phone)
    assert entry.variables["OBZVON_TRUNK"] == f"obzvon-trunk-{world.trunk.id}"
    ended = await events.wait(call.call_id, "call_ended", within=30)
    assert ended.data["outcome"] == "answered" and ended.data["call_type"] == "manual"
    assert ended.data["operator_id"] == str(world.operator.id)


async def test_manual_call_to_a_busy_client_ends_busy(
    connected: Telephony, commands: Bus, events: EventWatch, sessions: Sessions, world: World
) -> None:
    """F-45: the client's busy signal (reported by ObzvonManualDial) is the call's outcome."""
    contact = await add_contact(sessions, world.project, 1)
    call = manual_command(world, contact.id, contact.phone)
    await send(commands, call)
    ended = await events.wait(call.call_id, "call_ended", within=30)
    assert ended.data["outcome"] == "busy"
    assert not events.of(call.call_id, "call_connected_to_operator")


async def test_inbound_call_waits_for_an_operator_and_talks(
    connected: Telephony, commands: Bus, events: EventWatch, sessions: Sessions, world: World, sim: PbxSim
) -> None:
    """F-44: ObzvonInbound becomes call_answered with direction "in", the project, trunk and DID;
    connect_call bridges an operator; the caller's hangup ends the call as answered."""
    trunk_id = str(world.trunk.id)
    channel = sim.inbound_call(
        InboundCall(
            caller="79161112233",
            did="74950001122",
            trunk_id=trunk_id,
            project_id=str(world.project.id),
            hangup_after=40,
        )
    )
    call_id = inbound_call_id(channel.uniqueid)
    answered = await events.wait(call_id, "call_answered")
    data = answered.data
    assert (data["direction"], data["phone"]) == ("in", "79161112233")
    assert data["project_id"] == str(world.project.id)
    assert (data["trunk_id"], data["did"]) == (trunk_id, "74950001122")

    # 103 is busy: a missed ring, once; then 101 answers.
    await send(commands, ConnectCall(call_id=call_id, operator_id=world.operators["103"].id, extension="103"))
    missed = await events.wait(call_id, "call_operator_missed")
    assert missed.data["extension"] == "103" and missed.data["dial_status"] == "BUSY"
    await send(commands, ConnectCall(call_id=call_id, operator_id=world.operator.id, extension="101"))
    bridged = await events.wait(call_id, "call_connected_to_operator")
    assert bridged.data["operator_id"] == str(world.operator.id)
    ended = await events.wait(call_id, "call_ended", within=30)
    assert (ended.data["outcome"], ended.data["direction"], ended.data["call_type"]) == (
        "answered",
        "in",
        "inbound",
    )
    assert len(events.of(call_id, "call_operator_missed")) == 1
    record = await finished_record(sessions, call_id)
    assert record.outcome == "answered"
