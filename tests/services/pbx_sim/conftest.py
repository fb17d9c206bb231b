"""A fresh simulator per test: last-digit rules, 50× time, loopback ports chosen by the OS."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest
from obzvon_pbx_sim import PbxSim, SimConfig

from tests.services.pbx_sim.ami_client import RawAmi
from tests.services.pbx_sim.calls import SimFactory

SCALE = 0.02  # 1 simulated second = 20 ms


@pytest.fixture
async def make_sim(tmp_path: Path) -> AsyncIterator[SimFactory]:
    started: list[PbxSim] = []

    async def factory(**overrides: Any) -> PbxSim:
        settings: dict[str, Any] = {
            "username": "crm",
            "secret": "s3cret",
            "port": 0,
            "control_port": None,
            "rules": "last-digit",
            "seed": 7,
            "time_scale": SCALE,
            "recordings_dir": tmp_path / "monitor",
            "operators": ["101", "102"],
            "operator_answer_delay": 1.0,
            "amd_seconds": 1.0,
            "auth_fail_delay": 0.05,
        }
        settings.update(overrides)
        sim = PbxSim(SimConfig(**settings))
        await sim.start()
        started.append(sim)
        return sim

    yield factory
    for sim in started:
        await sim.stop()


@pytest.fixture
async def sim(make_sim: SimFactory) -> PbxSim:
    return await make_sim()


@pytest.fixture
async def ami(sim: PbxSim) -> AsyncIterator[RawAmi]:
    client = await RawAmi.connect(sim.ami_port)
    response = await client.login()
    assert response["Message"] == "Authentication accepted"
    yield client
    await client.close()
