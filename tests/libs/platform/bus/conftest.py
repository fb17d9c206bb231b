"""Fixtures of the bus tests: a database of their own (the relay publishes every outbox row it finds)."""

import uuid
from collections.abc import AsyncIterator

import pytest
from obzvon_db.session import create_engine, create_sessionmaker
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker

from tests.fixtures.database import create_test_database, drop_test_database


@pytest.fixture(scope="package")
async def bus_engine() -> AsyncIterator[AsyncEngine]:
    url = await create_test_database(prefix="obzvon_bus_test")
    engine = create_engine(url)
    try:
        yield engine
    finally:
        await engine.dispose()
        await drop_test_database(url)


@pytest.fixture
def sessionmaker(bus_engine: AsyncEngine) -> async_sessionmaker[AsyncSession]:
    return create_sessionmaker(bus_engine)


@pytest.fixture
def unique() -> str:
    """A short name part of this test's own (queue names, consumer names, table names)."""
    return uuid.uuid4().hex[:10]
