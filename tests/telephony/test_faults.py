"""AMI faults mid-call lose no call record and never dial a contact twice (reliability.md F4, F6; I2, I3).

- a closed socket: the dialer reconnects, adopts the live channel and the call ends normally;
- a black-holed socket: the watchdog notices within 10 s; the call ended unseen meanwhile, so the
  reconciler closes it as ``failed_unknown`` — its record keeps what was known (the answer);
- Asterisk restarting: the call is gone; same as above;
- repeated events and a Hangup before the OriginateResponse give the clean run's records.
"""

import time
import uuid

import httpx
import sqlalchemy as sa
from obzvon_db.models import Contact, OutboxMessage
from obzvon_dialer.runtime import Telephony
from obzvon_pbx_sim import PbxSim
from obzvon_platform.bus import Bus

from tests.telephony.stack import (
    SCALE,
    EventWatch,
    Sessions,
    World,
    add_contact,
    finished_record,
    originate_command,
    originates_of,
    records_of,
    send,
)
from tests.telephony.test_outcomes import EXPECTED, check_timings

WATCHDOG_LIMIT = 10.0


async def answered_call(commands: Bus, events: EventWatch, sessions: Sessions, world: World) -> uuid.UUID:
    """A call to a digit-0 number that a person has answered (they hang up after 20 s × SCALE)."""
    contact = await add_contact(sessions, world.project, 0)
    command = originate_command(world.project, contact)
    await send(commands, command)
    await events.wait(command.call_id, "call_answered")
    return command.call_id


async def test_closed_socket_mid_call(
    connected: Telephony, commands: Bus, events: EventWatch, sessions: Sessions, world: World, sim: PbxSim
) -> None:
    call_id = await answered_call(commands, events, sessions, world)
    before = connected.connection.connections
    assert sim.close_clients() >= 1
    await connected.connection.wait_reconnected(before, 10)
    record = await finished_record(sessions, call_id)
    check_timings(record, EXPECTED[0])
    assert (record.outcome, record.hangup_cause, record.client_status) == ("abandoned", 16, "Клиент ответил")
    assert originates_of(sim, call_id) == 1


async def test_black_hole_is_detected_by_the_watchdog(
    connected: Telephony,
    commands: Bus,
    events: EventWatch,
    sessions: Sessions,
    world: World,
    sim: PbxSim,
    dialer_http: httpx.AsyncClient,
) -> None:
    call_id = await answered_call(commands, events, sessions, world)
    before = connected.connection.connections
    started = time.monotonic()
    sim.blackhole(True)
    try:
        await connected.connection.wait_disconnected(WATCHDOG_LIMIT + 1)
        detected = time.monotonic() - started
        ready = await dialer_http.get("/readyz")
        assert ready.status_code == 503 and ready.json()["checks"]["ami"] == "error: disconnected"
    finally:
        sim.blackhole(False)
    assert detected < WATCHDOG_LIMIT
    assert detected > 20 * SCALE  # the client hung up (unseen) while the link was silent
    await connected.connection.wait_reconnected(before, 10)
    record = await finished_record(sessions, call_id)
    assert (record.outcome, record.client_status, record.operator_status) == (
        "failed_unknown",
        "Клиент ответил",
        "Оператор не отвечает",
    )
    assert record.answered_at is not None and record.ended_at is not None
    assert originates_of(sim, call_id) == 1


async def test_an_originate_in_flight_when_the_link_goes_silent_is_never_sent_again(
    connected: Telephony, commands: Bus, sessions: Sessions, world: World, sim: PbxSim
) -> None:
    """panoramisk would replay an unanswered Originate after the next login; the dialer forgets it.
    The PBX got it before the silence, so the call happens once and is followed after the reconnect."""
    contact = await add_contact(sessions, world.project, 7)
    command = originate_command(world.project, contact)
    before = connected.connection.connections
    sim.blackhole(True)
    try:
        await send(commands, command)
        await connected.connection.wait_disconnected(WATCHDOG_LIMIT + 1)
    finally:
        sim.blackhole(False)
    await connected.connection.wait_reconnected(before, 10)
    record = await finished_record(sessions, command.call_id)
    assert record.outcome in ("abandoned", "failed_unknown")
    assert originates_of(sim, command.call_id) == 1
    assert len(await records_of(sessions, contact)) == 1


async def test_pbx_restart_mid_call(
    connected: Telephony, commands: Bus, events: EventWatch, sessions: Sessions, world: World, sim: PbxSim
) -> None:
    call_id = await answered_call(commands, events, sessions, world)
    before = connected.connection.connections
    await sim.restart_ami()
    await connected.connection.wait_reconnected(before, 10)
    record = await finished_record(sessions, call_id)
    assert (record.outcome, record.client_status) == ("failed_unknown", "Клиент ответил")
    assert record.answered_at is not None
    assert originates_of(sim, call_id) == 1
    async with sessions() as db:
        contact = await db.scalar(sa.select(Contact).where(Contact.id == record.contact_id))
    assert contact is not None and contact.next_attempt_at is not None  # due again later


async def test_repeated_and_reordered_events(
    connected: Telephony, commands: Bus, events: EventWatch, sessions: Sessions, world: World, sim: PbxSim
) -> None:
    """Every AMI event twice and Hangup before DialEnd/OriginateResponse: the clean run's records,
    and one event of each kind per call on the bus."""
    chaos = sim.faults.chaos
    chaos.duplicate_rate, chaos.hangup_first = 1.0, True
    try:
        calls = {}
        for digit in (0, 1, 3, 6):
            contact = await add_contact(sessions, world.project, digit)
            command = originate_command(world.project, contact)
            calls[digit] = command.call_id
            await send(commands, command)
        records = {digit: await finished_record(sessions, call_id) for digit, call_id in calls.items()}
    finally:
        chaos.duplicate_rate, chaos.hangup_first = 0.0, False
    for digit, record in records.items():
        expected = EXPECTED[digit]
        assert (record.outcome, record.client_status, record.hangup_cause) == (
            expected.outcome,
            expected.client,
            expected.cause,
        )
        check_timings(record, expected)
        assert originates_of(sim, calls[digit]) == 1
    async with sessions() as db:
        ended = await db.scalar(
            sa.select(sa.func.count())
            .select_from(OutboxMessage)
            .where(
                OutboxMessage.routing_key == "telephony.call.ended",
                OutboxMessage.payload["data"]["call_id"].astext.in_([str(c) for c in calls.values()]),
            )
        )
    assert ended == len(calls)
    for call_id in calls.values():
        names = [e.name for e in events.of(call_id)]
        assert len(names) == len(set(names)), names
