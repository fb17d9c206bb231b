"""The one Alembic history: upgrade, downgrade and upgrade again on an empty database."""

from collections.abc import AsyncIterator

import obzvon_db.models  # noqa: F401 - registers every table
import pytest
import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from obzvon_db import migrate
from obzvon_db.base import Base, include_object
from obzvon_db.session import create_engine
from sqlalchemy.engine import Connection

from tests.fixtures.database import create_test_database, drop_test_database

MODEL_TABLES = set(Base.metadata.tables)


@pytest.fixture
async def empty_database_url() -> AsyncIterator[str]:
    url = await create_test_database(prefix="obzvon_test_migrations", migrate=False)
    yield url
    await drop_test_database(url)


async def _tables(url: str) -> set[str]:
    engine = create_engine(url)
    try:
        async with engine.connect() as connection:
            return set(await connection.run_sync(lambda c: sa.inspect(c).get_table_names()))
    finally:
        await engine.dispose()


async def _routines(url: str) -> set[str]:
    engine = create_engine(url)
    try:
        async with engine.connect() as connection:
            rows = await connection.execute(
                sa.text("SELECT proname FROM pg_proc WHERE pronamespace = 'public'::regnamespace")
            )
            return {row[0] for row in rows}
    finally:
        await engine.dispose()


async def test_upgrade_downgrade_upgrade(empty_database_url: str) -> None:
    """Every table exists after upgrade, none after downgrade to base, and upgrade works again."""
    await migrate.upgrade_async(empty_database_url)
    assert await migrate.current_async(empty_database_url) == migrate.head()
    assert await _tables(empty_database_url) == MODEL_TABLES | {"alembic_version"}
    assert "audit_log_append_only" in await _routines(empty_database_url)

    await migrate.downgrade_async(empty_database_url, "base")
    assert await migrate.current_async(empty_database_url) is None
    assert await _tables(empty_database_url) <= {"alembic_version"}
    assert "audit_log_append_only" not in await _routines(empty_database_url)

    await migrate.upgrade_async(empty_database_url)
    assert await _tables(empty_database_url) == MODEL_TABLES | {"alembic_version"}


async def test_each_revision_downgrades_one_step(empty_database_url: str) -> None:
    """Walking the history down one revision at a time works from head to base."""
    await migrate.upgrade_async(empty_database_url)
    revisions = list(ScriptDirectory.from_config(migrate.make_config()).walk_revisions())
    assert len(revisions) >= 5
    for revision in revisions:
        assert await migrate.current_async(empty_database_url) == revision.revision
        await migrate.downgrade_async(empty_database_url, "-1")
    assert await migrate.current_async(empty_database_url) is None


def test_history_is_linear_with_dated_file_names() -> None:
    script = ScriptDirectory.from_config(migrate.make_config())
    assert len(script.get_heads()) == 1
    for revision in script.walk_revisions():
        assert revision.path is not None
        name = revision.path.rsplit("/", 1)[-1]
        assert name[:11].replace("_", "").isdigit(), name


def test_sync_api_works_outside_an_event_loop(database_url: str) -> None:
    assert migrate.current(database_url) == migrate.head()
    migrate.upgrade(database_url)  # already at head: a no-op


async def test_models_match_migrations(database_url: str) -> None:
    """The ORM models and the migrated schema agree (tables, columns, types, defaults, indexes)."""

    def diff(connection: Connection) -> list[object]:
        context = MigrationContext.configure(
            connection,
            opts={"compare_type": True, "compare_server_default": True, "include_object": include_object},
        )
        return list(compare_metadata(context, Base.metadata))

    engine = create_engine(database_url)
    try:
        async with engine.connect() as connection:
            assert await connection.run_sync(diff) == []
    finally:
        await engine.dispose()
