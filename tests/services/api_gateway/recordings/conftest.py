"""Recording tests: the recordings router on the gateway app, a recordings directory of their own,
and calls with WAV files (a supervisor's project, an operator's call)."""

import struct
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from fastapi import FastAPI
from obzvon_db.enums import CallDirection, CallType
from obzvon_db.models import Call
from obzvon_gateway.recordings.router import router
from obzvon_gateway.recordings.settings import recordings_dir
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from tests.services.api_gateway.factories import World

RECORDING_PATH = "/api/calls/{call_id}/recording"


@pytest.fixture(scope="package")
def monitor(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("monitor")


@pytest.fixture(scope="package", autouse=True)
def recordings_app(gateway_app: FastAPI, monitor: Path) -> Iterator[FastAPI]:
    """The gateway app serving recordings from ``monitor`` (included once if main.py does not yet)."""
    if not any(getattr(route, "path", "") == RECORDING_PATH for route in gateway_app.routes):
        gateway_app.include_router(router)
        gateway_app.openapi_schema = None
    gateway_app.dependency_overrides[recordings_dir] = lambda: monitor
    yield gateway_app
    gateway_app.dependency_overrides.pop(recordings_dir, None)


def wav_bytes(seconds: float, rate: int = 8000) -> bytes:
    """A RIFF/WAVE file, 8 kHz mono 16-bit, with a ramp so every byte range is distinct."""
    frames = b"".join(struct.pack("<h", (i * 37) % 30000) for i in range(int(seconds * rate)))
    header = b"RIFF" + struct.pack("<I", 36 + len(frames)) + b"WAVEfmt "
    header += (
        struct.pack("<IHHIIHH", 16, 1, 1, rate, rate * 2, 2, 16) + b"data" + struct.pack("<I", len(frames))
    )
    return header + frames


@dataclass
class Recorded:
    call: Call
    content: bytes


@pytest.fixture(scope="package")
async def recorded(sessions: async_sessionmaker[AsyncSession], world: World, monitor: Path) -> Recorded:
    """A call of operator 1 in P1 (supervised by supervisor A), with its recording on disk."""
    call_id = uuid.uuid4()
    content = wav_bytes(1.5)
    (monitor / f"{call_id}.wav").write_bytes(content)
    async with sessions() as db:
        call = Call(
            id=call_id,
            uniqueid=str(call_id),
            direction=CallDirection.OUTBOUND,
            call_type=CallType.AUTO,
            project_id=world.p1.id,
            operator_id=world.op1.id,
            started_at=world.p1.created_at,
            recording_path=f"{call_id}.wav",
        )
        db.add(call)
        await db.commit()
        return Recorded(call, content)
