"""Programmatic migration API without alembic.ini: upgrade, downgrade, current, head, revision.

The sync functions work with or without a running event loop (inside one they run in a worker
thread); the ``*_async`` variants run on the caller's loop.
"""

import asyncio
import concurrent.futures
from collections.abc import Callable, Coroutine
from typing import Any, TypeVar

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import pool
from sqlalchemy.engine import Connection

from obzvon_db.session import create_engine

SCRIPT_LOCATION = "obzvon_db:migrations"
FILE_TEMPLATE = "%%(year)d_%%(month).2d_%%(day).2d_%%(slug)s"

T = TypeVar("T")


def make_config(url: str | None = None) -> Config:
    """An Alembic configuration for the Obzvon history (``url`` may be omitted for offline commands)."""
    config = Config()
    config.set_main_option("script_location", SCRIPT_LOCATION)
    config.set_main_option("file_template", FILE_TEMPLATE)
    config.set_main_option("path_separator", "os")
    config.set_main_option("timezone", "UTC")
    if url is not None:
        config.attributes["database_url"] = url
    return config


async def _with_connection(url: str, work: Callable[[Connection], T]) -> T:
    engine = create_engine(url, poolclass=pool.NullPool)
    try:
        async with engine.connect() as connection:
            result = await connection.run_sync(work)
            await connection.commit()
            return result
    finally:
        await engine.dispose()


def _run_command(url: str, action: Callable[[Config], None]) -> Callable[[Connection], None]:
    def work(connection: Connection) -> None:
        config = make_config(url)
        config.attributes["connection"] = connection
        action(config)

    return work


async def upgrade_async(url: str, revision: str = "head") -> None:
    """Upgrade the database at ``url`` to ``revision``."""
    await _with_connection(url, _run_command(url, lambda cfg: command.upgrade(cfg, revision)))


async def downgrade_async(url: str, revision: str) -> None:
    """Downgrade the database at ``url`` to ``revision`` (``"base"`` removes every table)."""
    await _with_connection(url, _run_command(url, lambda cfg: command.downgrade(cfg, revision)))


async def current_async(url: str) -> str | None:
    """The revision the database is at, or ``None`` for an empty database."""

    def read(connection: Connection) -> str | None:
        return MigrationContext.configure(connection).get_current_revision()

    return await _with_connection(url, read)


def _run_sync(factory: Callable[[], Coroutine[Any, Any, T]]) -> T:
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return asyncio.run(factory())
    with concurrent.futures.ThreadPoolExecutor(max_workers=1) as executor:
        return executor.submit(lambda: asyncio.run(factory())).result()


def upgrade(url: str, revision: str = "head") -> None:
    """Upgrade the database at ``url`` to ``revision`` (default: the newest)."""
    _run_sync(lambda: upgrade_async(url, revision))


def downgrade(url: str, revision: str) -> None:
    """Downgrade the database at ``url`` to ``revision``."""
    _run_sync(lambda: downgrade_async(url, revision))


def current(url: str) -> str | None:
    """The revision the database at ``url`` is at (``None`` when no migration has run)."""
    return _run_sync(lambda: current_async(url))


def head() -> str | None:
    """The newest revision of the history."""
    return ScriptDirectory.from_config(make_config()).get_current_head()


def revision(url: str, message: str, autogenerate: bool = True) -> None:
    """Write a new revision file ``<date>_<slug>.py`` comparing the models with the database at
    ``url`` (which must be at head). Review the generated operations before committing them."""

    def write(cfg: Config) -> None:
        command.revision(cfg, message=message, autogenerate=autogenerate)

    _run_sync(lambda: _with_connection(url, _run_command(url, write)))
