"""Engine helpers accept the URL forms deployments use."""

import pytest
import sqlalchemy as sa
from obzvon_db.session import async_url, create_sessionmaker
from sqlalchemy.ext.asyncio import AsyncEngine


@pytest.mark.parametrize(
    "url",
    [
        "postgresql://u:p@db:5432/obzvon",
        "postgres://u:p@db:5432/obzvon",
        "postgresql+asyncpg://u:p@db:5432/obzvon",
        "postgresql+psycopg://u:p@db:5432/obzvon",
    ],
)
def test_async_url_uses_asyncpg(url: str) -> None:
    assert async_url(url) == "postgresql+asyncpg://u:p@db:5432/obzvon"


def test_non_postgres_url_is_rejected() -> None:
    with pytest.raises(ValueError, match="PostgreSQL"):
        async_url("sqlite:///x.db")


async def test_sessions_keep_objects_after_commit(db_engine: AsyncEngine) -> None:
    async with create_sessionmaker(db_engine)() as session:
        assert await session.scalar(sa.text("SELECT current_setting('TimeZone') IS NOT NULL"))
        assert session.sync_session.expire_on_commit is False
