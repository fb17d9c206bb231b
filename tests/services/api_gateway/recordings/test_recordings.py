"""Call recordings are streamed with byte ranges to those who may hear them, and every playback is
audited (F-47, F-55; reliability.md §5 "Recordings": op1 fetching op2's recording gives 404)."""

import uuid

import pytest
import sqlalchemy as sa
from fastapi import FastAPI
from obzvon_db.enums import CallDirection, CallType
from obzvon_db.models import AuditLog, Call, User
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from tests.services.api_gateway.client import ApiClient
from tests.services.api_gateway.conftest import ClientFactory
from tests.services.api_gateway.factories import World
from tests.services.api_gateway.recordings.conftest import Recorded


def url(call_id: uuid.UUID) -> str:
    return f"/api/calls/{call_id}/recording"


async def audit_rows(sessions: async_sessionmaker[AsyncSession], call_id: uuid.UUID) -> list[AuditLog]:
    async with sessions() as db:
        rows = await db.scalars(
            sa.select(AuditLog)
            .where(AuditLog.object_type == "call", AuditLog.object_id == str(call_id))
            .order_by(AuditLog.id)
        )
        return list(rows)


async def signed_in(client_factory: ClientFactory, user: User) -> ApiClient:
    client = client_factory()
    assert (await client.login(user.email)).status_code == 200
    return client


@pytest.mark.parametrize("who", ["admin", "sup_a", "op1"])
async def test_allowed_users_hear_the_whole_recording(
    who: str,
    client_factory: ClientFactory,
    world: World,
    recorded: Recorded,
    sessions: async_sessionmaker[AsyncSession],
) -> None:
    client = await signed_in(client_factory, getattr(world, who))
    before = len(await audit_rows(sessions, recorded.call.id))
    response = await client.http.get(url(recorded.call.id))
    assert response.status_code == 200
    assert response.headers["content-type"] == "audio/wav"
    assert response.headers["accept-ranges"] == "bytes"
    assert response.content == recorded.content
    rows = await audit_rows(sessions, recorded.call.id)
    assert len(rows) == before + 1
    assert (rows[-1].action, rows[-1].actor_id) == ("call.recording.play", getattr(world, who).id)


async def test_range_request_gets_the_exact_bytes(
    client_factory: ClientFactory,
    world: World,
    recorded: Recorded,
    sessions: async_sessionmaker[AsyncSession],
) -> None:
    client = await signed_in(client_factory, world.op1)
    before = len(await audit_rows(sessions, recorded.call.id))
    response = await client.http.get(url(recorded.call.id), headers={"Range": "bytes=100-1099"})
    assert response.status_code == 206
    assert response.headers["content-range"] == f"bytes 100-1099/{len(recorded.content)}"
    assert response.content == recorded.content[100:1100]
    tail = await client.http.get(url(recorded.call.id), headers={"Range": "bytes=-44"})
    assert tail.status_code == 206 and tail.content == recorded.content[-44:]
    # Seeking within a playback is not a new playback.
    assert len(await audit_rows(sessions, recorded.call.id)) == before


async def test_download_is_an_attachment_and_audited(
    client_factory: ClientFactory,
    world: World,
    recorded: Recorded,
    sessions: async_sessionmaker[AsyncSession],
) -> None:
    client = await signed_in(client_factory, world.sup_a)
    response = await client.http.get(url(recorded.call.id), params={"download": "true"})
    assert response.status_code == 200
    assert response.headers["content-disposition"].startswith("attachment;")
    rows = await audit_rows(sessions, recorded.call.id)
    assert rows[-1].action == "call.recording.download"


@pytest.mark.parametrize("who", ["op2", "sup_b"])
async def test_others_get_not_found(
    who: str,
    client_factory: ClientFactory,
    world: World,
    recorded: Recorded,
    sessions: async_sessionmaker[AsyncSession],
) -> None:
    """Another operator, or a supervisor of other projects: 404, as for a call that does not exist."""
    client = await signed_in(client_factory, getattr(world, who))
    before = len(await audit_rows(sessions, recorded.call.id))
    response = await client.http.get(url(recorded.call.id), headers={"Range": "bytes=0-10"})
    assert response.status_code == 404
    assert response.headers["content-type"] == "application/problem+json"
    missing = await client.http.get(url(uuid.uuid4()))
    assert missing.status_code == 404 and missing.json()["code"] == response.json()["code"]
    assert len(await audit_rows(sessions, recorded.call.id)) == before


async def test_not_signed_in_is_401(client_factory: ClientFactory, recorded: Recorded) -> None:
    assert (await client_factory().http.get(url(recorded.call.id))).status_code == 401


async def test_call_without_a_file_is_not_found(
    client_factory: ClientFactory, world: World, sessions: async_sessionmaker[AsyncSession]
) -> None:
    """No recording, a missing file, or a name escaping the directory: 404."""
    client = await signed_in(client_factory, world.admin)
    for name in (None, "gone.wav", "../etc/passwd", "/etc/passwd"):
        call_id = uuid.uuid4()
        async with sessions() as db:
            db.add(
                Call(
                    id=call_id,
                    uniqueid=str(call_id),
                    direction=CallDirection.OUTBOUND,
                    call_type=CallType.AUTO,
                    project_id=world.p1.id,
                    started_at=world.p1.created_at,
                    recording_path=name,
                )
            )
            await db.commit()
        assert (await client.http.get(url(call_id))).status_code == 404, name


async def test_openapi_declares_the_audio(recordings_app: FastAPI, client_factory: ClientFactory) -> None:
    schema = (await client_factory().http.get("/openapi.json")).json()
    operation = schema["paths"]["/api/calls/{call_id}/recording"]["get"]
    assert "audio/wav" in operation["responses"]["200"]["content"]
    assert "audio/wav" in operation["responses"]["206"]["content"]
