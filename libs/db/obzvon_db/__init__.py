"""Obzvon's database layer: the SQLAlchemy models of the whole domain, the one Alembic history,
engine/session helpers and encryption of secrets at rest."""

from obzvon_db.base import Base, metadata
from obzvon_db.session import async_url, create_engine, create_sessionmaker

__all__ = ["Base", "async_url", "create_engine", "create_sessionmaker", "metadata"]
