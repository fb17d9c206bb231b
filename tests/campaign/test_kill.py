"""KILL -9 of the dialer at random moments of a running campaign (I1, I2): the PBX never has two
calls of one contact at once, every Originate belongs to a committed attempt, and after the last
restart no attempt is left unresolved (the reconciler adopts or closes what the dead process left).

The dialer runs as a subprocess (the ``python -m obzvon_dialer`` entry point) on a database and an
exchange of this test's own, against pbx-sim in the test's process. Imports take seconds on a busy
machine, so one parent process imports the dialer once and forks a fresh process per run, which
runs the entry point's ``main()``; that process is the one killed with SIGKILL.
"""

import asyncio
import contextlib
import os
import random
import signal
import subprocess
import sys
import uuid
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa
from obzvon_db.enums import LIVE_ATTEMPT_STATES, RetryOutcome
from obzvon_db.models import Attempt
from obzvon_db.session import create_engine, create_sessionmaker
from obzvon_pbx_sim import PbxSim, SimConfig
from obzvon_pbx_sim.config import RulesKind
from obzvon_pbx_sim.ledger import LedgerEntry

from tests.campaign.stack import (
    AMI_SECRET,
    AMI_USER,
    Sessions,
    add_contacts,
    eventually,
    phone_ending,
    running_project,
)
from tests.fixtures.database import create_test_database, drop_test_database
from tests.fixtures.serving import free_port

KILLS = int(os.environ.get("KILLS_DEBUG", "20"))
#: Imports once, then per line on stdin forks a dialer process and prints its pid.
ZYGOTE = """
import os, signal, sys
import obzvon_dialer.__main__ as entry
signal.signal(signal.SIGCHLD, signal.SIG_IGN)  # killed children are reaped at once
print("ready", flush=True)
for line in sys.stdin:
    pid = os.fork()
    if pid == 0:
        os.dup2(2, 1)  # the dialer logs to the log file, not to the pid pipe
        entry.main()
        os._exit(0)
    print(pid, flush=True)
"""
INSTANCE = f"dialer-kill-{uuid.uuid4().hex[:6]}"


@pytest.fixture
async def kill_sessions() -> AsyncIterator[tuple[str, Sessions]]:
    url = await create_test_database(prefix="obzvon_kill_test")
    engine = create_engine(url)
    yield url, create_sessionmaker(engine)
    await engine.dispose()
    await drop_test_database(url)


@pytest.fixture
async def kill_sim(tmp_path: Path) -> AsyncIterator[PbxSim]:
    config = SimConfig(
        username=AMI_USER,
        secret=AMI_SECRET,
        port=0,
        rules=RulesKind.LAST_DIGIT,
        seed=3,
        time_scale=0.1,
        recordings_dir=tmp_path,
        auth_fail_delay=0.05,
    )
    async with PbxSim(config) as sim:
        yield sim


class Overlaps:
    """Wraps the PBX's ledger: an Originate for a number whose earlier call is still in progress."""

    def __init__(self, sim: PbxSim) -> None:
        self.found: list[str] = []
        ledger = sim.ledger
        record = ledger.record

        def checked(**fields: Any) -> LedgerEntry:
            number = fields.get("number")
            for entry in ledger.entries:
                pending = entry.uniqueid == "" and entry.result == "pending"
                if entry.number == number and (entry.live or pending):
                    self.found.append(str(number))
            return record(**fields)

        ledger.record = checked  # type: ignore[method-assign]


def dialer_env(url: str, amqp_url: str, sim: PbxSim, exchange: str) -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        OBZVON_DATABASE_URL=url,
        OBZVON_AMQP_URL=amqp_url,
        OBZVON_EXCHANGE=exchange,
        OBZVON_LOG_LEVEL=os.environ.get("KILL_LOG_LEVEL", "WARNING"),
        OBZVON_DIALER_PORT=str(free_port()),
        OBZVON_DIALER_AMI_PORT=str(sim.ami_port),
        OBZVON_DIALER_AMI_USER=AMI_USER,
        OBZVON_DIALER_AMI_SECRET=AMI_SECRET,
        OBZVON_DIALER_AMI_INSTANCE_ID=INSTANCE,
        OBZVON_DIALER_AMI_LEASE_SECONDS="2",
        OBZVON_DIALER_AMI_RECONCILE_INTERVAL="0.5",
        OBZVON_DIALER_AMI_RECONNECT_MIN="0.2",
        OBZVON_DIALER_CAMPAIGN_TICK_SECONDS="0.2",
        OBZVON_DIALER_CAMPAIGN_TIME_SCALE="0.01",
        OBZVON_DIALER_CAMPAIGN_ERROR_RETRY_SECONDS="60",
        OBZVON_DIALER_CAMPAIGN_PROJECT_LEASE_SECONDS="3",
    )
    return env


class Zygote:
    def __init__(self, env: dict[str, str], log: Path) -> None:
        self.log = log.open("wb")
        self.process = subprocess.Popen(
            [sys.executable, "-c", ZYGOTE],
            env=env,
            cwd=log.parent,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=self.log,
        )
        assert self._line() == "ready"

    def _line(self) -> str:
        assert self.process.stdout is not None
        return self.process.stdout.readline().decode().strip()

    def spawn(self) -> int:
        """A new dialer process; returns its pid."""
        assert self.process.stdin is not None
        self.process.stdin.write(b"go\n")
        self.process.stdin.flush()
        return int(self._line())

    def close(self) -> None:
        self.process.kill()
        self.process.wait(10)
        self.log.close()


def alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True


async def gone(pid: int, within: float = 20.0) -> None:
    async def exited() -> bool:
        return not alive(pid)

    await eventually(exited, within)


async def wait_for_growth(sim: PbxSim, size: int, within: float) -> None:
    async def grown() -> bool:
        return len(sim.ledger) > size

    with contextlib.suppress(TimeoutError):
        await eventually(grown, within)


async def unresolved(sessions: Sessions) -> int:
    async with sessions() as db:
        count = await db.scalar(sa.select(sa.func.count()).where(Attempt.state.in_(LIVE_ATTEMPT_STATES)))
        return int(count or 0)


@pytest.mark.timeout(150)
async def test_kill_9_never_dials_a_contact_twice_at_once(
    kill_sessions: tuple[str, Sessions], kill_sim: PbxSim, amqp_url: str, tmp_path: Path
) -> None:
    url, sessions = kill_sessions
    overlaps = Overlaps(kill_sim)
    rule = ([1], 4)
    project = await running_project(
        sessions,
        retry={outcome: rule for outcome in RetryOutcome},
        max_attempts=4,
        max_concurrent_calls=10,
        running=True,
    )
    async with sessions() as db:
        await db.execute(
            sa.text("UPDATE projects SET queue_timeout_s = 3 WHERE id = :id"), {"id": project.id}
        )
        await db.commit()
    await add_contacts(sessions, project, [phone_ending(random.choice((0, 1, 2, 3, 7))) for _ in range(20)])
    env = dialer_env(url, amqp_url, kill_sim, f"obzvon.events.kill.{uuid.uuid4().hex[:8]}")
    rng = random.Random(20)

    zygote = await asyncio.to_thread(Zygote, env, tmp_path / "dialer.log")
    try:
        for _ in range(KILLS):
            size = len(kill_sim.ledger)
            pid = zygote.spawn()
            await wait_for_growth(kill_sim, size, within=10)
            await asyncio.sleep(rng.uniform(0.0, 0.6))
            os.kill(pid, signal.SIGKILL)
            await gone(pid)
        assert len(kill_sim.ledger) >= KILLS  # the kills landed while the campaign was dialling

        last = zygote.spawn()

        async def settled() -> bool:
            return await unresolved(sessions) == 0

        await eventually(settled, within=40)
        os.kill(last, signal.SIGTERM)
        await gone(last)
    finally:
        zygote.close()

    assert overlaps.found == []
    async with sessions() as db:
        attempt_ids = {str(a) for a in await db.scalars(sa.select(Attempt.id))}
    assert {entry.channel_id for entry in kill_sim.ledger.entries} <= attempt_ids  # committed first (I2)
