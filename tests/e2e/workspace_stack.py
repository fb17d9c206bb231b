"""The calling part of the browser-test stack: pbx-sim, the dialer, queue-router and reporting, and a
project for the demo operators (a trunk, result statuses and a small base of contacts). The project is
not running: the workspace browser test starts it, so the other browser tests get no calls.

Numbers end in 0, so under pbx-sim's last-digit rules every client answers and talks a while; the
operators' phones answer by themselves (``--operator-mode auto``) 2 simulated seconds after they start
ringing, as a person picking up would (0.2 s of wall time at the stack's time scale).
"""

import asyncio
import datetime as dt
import subprocess
import sys
from pathlib import Path

import sqlalchemy as sa
from obzvon_db.enums import DialMode
from obzvon_db.models import (
    Contact,
    ContactBase,
    Project,
    ProjectResultStatus,
    ResultStatus,
    Trunk,
    User,
)
from obzvon_db.session import create_engine, create_sessionmaker

from tests.fixtures.serving import free_port

PROJECT_NAME = "Демо-проект"
STATUSES = ("Отказ клиента", "Согласие")
CONTACTS = 40
CLIENT_ZONE = "Asia/Yekaterinburg"
TIME_SCALE = "0.1"

#: (name, process, readiness URL or None) of a started process.
Started = list[tuple[str, subprocess.Popen[bytes], str | None]]


async def seed_calling_project(database_url: str) -> None:
    """A running project on a trunk, with statuses and contacts, for the demo operators."""
    engine = create_engine(database_url)
    try:
        async with create_sessionmaker(engine)() as db:
            trunk = Trunk(name="e2e", username="e2e", host="127.0.0.1")
            db.add(trunk)
            await db.flush()
            project = (await db.scalars(sa.select(Project).where(Project.name == PROJECT_NAME))).one()
            project.trunk_id = trunk.id
            project.dial_mode = DialMode.PROGRESSIVE
            project.client_window_start = dt.time(0, 0)
            project.client_window_end = dt.time(23, 59, 59)
            project.operator_timeout_s = 15
            project.is_active = True
            project.is_running = False  # the browser test starts it
            for name in STATUSES:
                status = ResultStatus(name=name)
                db.add(status)
                await db.flush()
                db.add(ProjectResultStatus(project_id=project.id, result_status_id=status.id))
            base = ContactBase(project_id=project.id, name="E2E", file_name="e2e.csv")
            db.add(base)
            await db.flush()
            for i in range(CONTACTS):
                db.add(
                    Contact(
                        project_id=project.id,
                        base_id=base.id,
                        phone=f"7916{i:06d}0",
                        full_name=f"Клиент {i:02d}",
                        city="Екатеринбург",
                        timezone=CLIENT_ZONE,
                    )
                )
            await db.execute(sa.update(User).where(User.extension.is_not(None)).values(trunk_id=trunk.id))
            await db.commit()
    finally:
        await engine.dispose()


def calling_env(env: dict[str, str], workdir: Path) -> dict[str, str]:
    """Ports and settings of pbx-sim and the services, added to the stack's environment."""
    recordings = workdir / "recordings"
    recordings.mkdir(exist_ok=True)
    env = dict(env)
    env.update(
        E2E_AMI_PORT=str(free_port()),
        E2E_PBX_CONTROL_PORT=str(free_port()),
        OBZVON_DIALER_AMI_HOST="127.0.0.1",
        OBZVON_DIALER_AMI_USER="obzvon",
        OBZVON_DIALER_CAMPAIGN_TICK_SECONDS="0.2",
        OBZVON_RECORDINGS_DIR=str(recordings),
        OBZVON_DIALER_PORT=str(free_port()),
        OBZVON_QUEUE_ROUTER_PORT=str(free_port()),
        OBZVON_REPORTING_PORT=str(free_port()),
    )
    env["OBZVON_DIALER_AMI_PORT"] = env["E2E_AMI_PORT"]
    env["OBZVON_DIALER_AMI_SECRET"] = env["OBZVON_DEMO_PASSWORD"] + "-ami"
    env["OBZVON_PBX_CONTROL_URL"] = f"http://127.0.0.1:{env['E2E_PBX_CONTROL_PORT']}"
    return env


def start_calling(env: dict[str, str], workdir: Path) -> Started:
    """Starts pbx-sim and the services; returns (name, process, readiness URL or None)."""
    asyncio.run(seed_calling_project(env["OBZVON_DATABASE_URL"]))
    py = sys.executable
    pbx = [
        py, "-m", "obzvon_pbx_sim", "--host", "127.0.0.1", "--port", env["E2E_AMI_PORT"],
        "--user", env["OBZVON_DIALER_AMI_USER"], "--secret", env["OBZVON_DIALER_AMI_SECRET"],
        "--rules", "last-digit", "--time-scale", TIME_SCALE, "--control-port", env["E2E_PBX_CONTROL_PORT"],
        "--recordings-dir", env["OBZVON_RECORDINGS_DIR"], "--operators", "101-103",
        "--operator-mode", "auto", "--operator-answer-delay", "2.0",
    ]  # fmt: skip
    started: Started = []
    for name, cmd, port_var in (
        ("pbx-sim", pbx, None),
        ("dialer", [py, "-m", "obzvon_dialer"], "OBZVON_DIALER_PORT"),
        ("queue-router", [py, "-m", "obzvon_queue_router"], "OBZVON_QUEUE_ROUTER_PORT"),
        ("reporting", [py, "-m", "obzvon_reporting"], "OBZVON_REPORTING_PORT"),
    ):
        log = (workdir / f"{name}.log").open("wb")
        proc = subprocess.Popen(cmd, env=env, stdout=log, stderr=subprocess.STDOUT)
        url = f"http://127.0.0.1:{env[port_var]}/readyz" if port_var else None
        started.append((name, proc, url))
    return started
