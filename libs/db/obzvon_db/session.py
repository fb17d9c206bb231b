"""Async engine and session factory helpers."""

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import asyncpg
from sqlalchemy.engine import make_url
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker, create_async_engine

_ASYNC_DRIVER = "postgresql+asyncpg"


def async_url(url: str) -> str:
    """Return ``url`` with the asyncpg driver (accepts ``postgres://``, ``postgresql://`` and driver URLs)."""
    parsed = make_url(
        url.replace("postgres://", "postgresql://", 1) if url.startswith("postgres://") else url
    )
    if parsed.get_backend_name() != "postgresql":
        raise ValueError(f"not a PostgreSQL URL: {parsed.render_as_string(hide_password=True)}")
    return parsed.set(drivername=_ASYNC_DRIVER).render_as_string(hide_password=False)


def create_engine(url: str, **kwargs: object) -> AsyncEngine:
    """Create an asyncpg-backed engine; extra keyword arguments go to ``create_async_engine``."""
    options: dict[str, object] = {"pool_pre_ping": True}
    options.update(kwargs)
    return create_async_engine(async_url(url), **options)


def create_sessionmaker(engine: AsyncEngine) -> async_sessionmaker[AsyncSession]:
    """Session factory whose objects stay usable after commit."""
    return async_sessionmaker(engine, expire_on_commit=False)


@asynccontextmanager
async def asyncpg_connection(engine: AsyncEngine) -> AsyncIterator[asyncpg.Connection]:
    """A pooled connection of ``engine`` as plain asyncpg (COPY, cursors), outside any transaction.

    SQLAlchemy's codecs are installed on it: ``json``/``jsonb`` columns come back decoded."""
    async with engine.connect() as conn:
        raw = await conn.get_raw_connection()
        yield raw.driver_connection
