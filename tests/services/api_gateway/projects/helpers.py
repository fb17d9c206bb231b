"""Shared steps of the project tests."""

import uuid

from obzvon_db.models import Trunk, User
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from tests.services.api_gateway.client import ApiClient
from tests.services.api_gateway.conftest import ClientFactory


async def signed_in(client_factory: ClientFactory, user: User) -> ApiClient:
    client = client_factory()
    assert (await client.login(user.email)).status_code == 200
    return client


async def add_trunk(sessions: async_sessionmaker[AsyncSession], *, active: bool = True) -> Trunk:
    async with sessions() as db:
        trunk = Trunk(
            name=f"trunk-{uuid.uuid4().hex[:8]}", username="u", host="sip.example.com", is_active=active
        )
        db.add(trunk)
        await db.commit()
        return trunk


async def create_project(admin: ApiClient, name: str | None = None) -> dict[str, object]:
    response = await admin.http.post("/api/projects", json={"name": name or f"Проект {uuid.uuid4().hex[:6]}"})
    assert response.status_code == 201, response.text
    body: dict[str, object] = response.json()
    return body
