"""One originate → exactly one call record with the right statuses and timings, for every last-digit
outcome of pbx-sim (F-40 originate, F-42 AMD, F-47 recording, F-61 calls report; I2, I3).

Times in the record come from the PBX's Timestamps, so they follow pbx-sim's clock: ×0.1 here.
"""

import asyncio
import datetime as dt
import uuid
from dataclasses import dataclass

import pytest
from obzvon_db.enums import AttemptState, CallDirection, CallType
from obzvon_db.models import Call, Contact
from obzvon_dialer.runtime import Telephony
from obzvon_pbx_sim import PbxSim
from obzvon_platform.bus import Bus

from tests.telephony.stack import (
    CALLER_ID,
    DIAL_TIMEOUT,
    SCALE,
    Sessions,
    World,
    add_contact,
    attempt,
    finished_record,
    originate_command,
    originates_of,
    records_of,
    send,
)

#: Seconds of wall time the pipeline may add to a simulated duration (the dialer's originate to the
#: PBX and back, on two cores shared with the rest of the suite).
TOLERANCE = 0.5


@dataclass(frozen=True)
class Expected:
    outcome: str
    client: str
    operator: str | None
    cause: int | None
    ring: float | None  # simulated seconds to the answer; None when never answered
    length: float  # simulated seconds from start to end


EXPECTED = {
    0: Expected("abandoned", "Клиент ответил", "Оператор не отвечает", 16, 2.0, 22.0),
    1: Expected("busy", "Занято", None, 17, None, 0.5),
    2: Expected("no_answer", "Клиент не ответил", None, 19, None, DIAL_TIMEOUT),
    3: Expected("rejected", "Отклонён", None, 21, None, 1.0),
    4: Expected("congestion", "Перегрузка сети", None, 34, None, 0.3),
    5: Expected("machine", "Автоответчик", None, 16, 2.0, 4.0),  # the AMD project: 2 s of analysis
    6: Expected("failed", "Ошибка", None, None, None, 0.0),
    7: Expected("abandoned", "Клиент ответил", "Оператор не отвечает", 16, 2.0, 5.0),
}


def seconds(start: dt.datetime | None, end: dt.datetime | None) -> float:
    assert start is not None and end is not None
    return (end - start).total_seconds()


def check_timings(record: Call, expected: Expected) -> None:
    assert seconds(record.started_at, record.ended_at) == pytest.approx(
        expected.length * SCALE, abs=TOLERANCE
    )
    if expected.ring is None:
        assert record.answered_at is None
        assert (record.billing_s, record.wait_s, record.talk_s) == (0, 0, 0)
        assert record.dial_s == record.duration_s
    else:
        assert seconds(record.started_at, record.answered_at) == pytest.approx(
            expected.ring * SCALE, abs=TOLERANCE
        )
    # The report's columns add up exactly (admin manual §6.2).
    assert record.duration_s == round(seconds(record.started_at, record.ended_at))
    assert record.duration_s == record.dial_s + record.billing_s
    assert record.billing_s == record.wait_s + record.talk_s


async def test_every_outcome_gives_one_record(
    connected: Telephony, commands: Bus, sessions: Sessions, world: World, sim: PbxSim
) -> None:
    calls: dict[int, tuple[uuid.UUID, Contact]] = {}
    for digit in EXPECTED:
        project = world.amd_project if digit == 5 else world.project
        contact = await add_contact(sessions, project, digit)
        command = originate_command(project, contact)
        calls[digit] = (command.call_id, contact)
        await send(commands, command)

    records = await asyncio.gather(*(finished_record(sessions, call_id) for call_id, _ in calls.values()))
    for (digit, (call_id, contact)), record in zip(calls.items(), records, strict=True):
        expected = EXPECTED[digit]
        assert (record.outcome, record.client_status, record.operator_status, record.hangup_cause) == (
            expected.outcome,
            expected.client,
            expected.operator,
            expected.cause,
        ), digit
        check_timings(record, expected)
        assert record.direction == CallDirection.OUTBOUND and record.call_type == CallType.MANUAL
        assert (record.from_number, record.to_number) == (CALLER_ID, contact.phone)
        assert record.attempt_id == call_id and record.trunk_id == world.trunk.id
        assert [r.id for r in await records_of(sessions, contact)] == [call_id]
        assert originates_of(sim, call_id) == 1
        row = await attempt(sessions, call_id)
        assert row is not None and row.outcome == expected.outcome
        assert row.state == (AttemptState.FAILED if expected.outcome == "failed" else AttemptState.FINISHED)

    answered = records[0]
    assert answered.hangup_cause_text == "Normal Clearing"
    assert answered.recording_path == f"{calls[0][0]}.wav"
    assert (answered.duration_s, answered.dial_s, answered.billing_s, answered.wait_s) == (2, 0, 2, 2)


async def test_originate_follows_the_dialplan_contract(
    connected: Telephony, commands: Bus, sessions: Sessions, world: World, sim: PbxSim
) -> None:
    """The Originate carries ChannelId = the attempt, the trunk's endpoint, CallerID, the dial timeout
    and the variables of asterisk/README.md; the attempt was committed before it (I2)."""
    contact = await add_contact(sessions, world.amd_project, 4)
    command = originate_command(world.amd_project, contact)
    await send(commands, command)
    await finished_record(sessions, command.call_id)
    (entry,) = sim.ledger.by_channel_id(str(command.call_id))
    assert entry.channel == f"PJSIP/{contact.phone}@obzvon-trunk-{world.trunk.id}"
    assert (entry.context, entry.exten, entry.is_async) == ("obzvon-answered", "s", True)
    assert entry.action_id == f"obzvon-originate-{command.call_id}"
    assert entry.variables["OBZVON_ATTEMPT_ID"] == str(command.call_id)
    assert entry.variables["OBZVON_PROJECT_ID"] == str(world.amd_project.id)
    assert (entry.variables["OBZVON_AMD"], entry.variables["OBZVON_RECORD"]) == ("1", "1")
    row = await attempt(sessions, command.call_id)
    assert row is not None and row.created_at <= entry.received_at
    assert row.dialer_instance == connected.settings.instance_id and row.caller_id == CALLER_ID
