"""Alembic environment: runs the one Obzvon migration history on an asyncpg engine.

The database URL comes from ``config.attributes["database_url"]`` (set by ``obzvon_db.migrate``), the
``sqlalchemy.url`` option, or the ``OBZVON_DATABASE_URL`` environment variable.
"""

import asyncio
import os

from alembic import context
from sqlalchemy import pool
from sqlalchemy.engine import Connection

import obzvon_db.models  # noqa: F401 - registers every table on the metadata
from obzvon_db.base import Base, include_object
from obzvon_db.session import async_url, create_engine

config = context.config
target_metadata = Base.metadata


def _database_url() -> str:
    url = config.attributes.get("database_url") or config.get_main_option("sqlalchemy.url")
    url = url or os.environ.get("OBZVON_DATABASE_URL")
    if not url:
        raise RuntimeError("no database URL: pass one to obzvon_db.migrate or set OBZVON_DATABASE_URL")
    return async_url(url)


def _configure(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        compare_type=True,
        include_object=include_object,
        transaction_per_migration=True,
    )
    with context.begin_transaction():
        context.run_migrations()


async def _run_online() -> None:
    engine = create_engine(_database_url(), poolclass=pool.NullPool)
    try:
        async with engine.connect() as connection:
            await connection.run_sync(_configure)
    finally:
        await engine.dispose()


def _run_offline() -> None:
    context.configure(url=_database_url(), target_metadata=target_metadata, literal_binds=True)
    with context.begin_transaction():
        context.run_migrations()


if context.is_offline_mode():
    _run_offline()
elif (shared := config.attributes.get("connection")) is not None:
    _configure(shared)
else:
    asyncio.run(_run_online())
