"""Transactional outbox and consumer de-duplication (I3)."""

import datetime as dt
import uuid
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column

from obzvon_db.base import Base, UUIDPrimaryKey


class OutboxMessage(UUIDPrimaryKey, Base):
    """An event written in the same transaction as the change it announces; a relay publishes
    unpublished rows in ``created_at`` order and sets ``published_at``. ``id`` is the event id and
    ``payload`` the full envelope."""

    __tablename__ = "outbox"
    __table_args__ = (
        sa.Index("ix_outbox_unpublished", "created_at", postgresql_where=sa.text("published_at IS NULL")),
    )

    routing_key: Mapped[str]
    payload: Mapped[dict[str, Any]]
    created_at: Mapped[dt.datetime] = mapped_column(server_default=sa.func.now())
    published_at: Mapped[dt.datetime | None]
    attempts: Mapped[int] = mapped_column(default=0, server_default="0")
    last_error: Mapped[str | None]


class ProcessedMessage(Base):
    """A message a consumer has handled; insert it in the handler's transaction to skip redeliveries."""

    __tablename__ = "processed_messages"
    __table_args__ = (sa.Index("ix_processed_messages_processed_at", "processed_at"),)

    consumer: Mapped[str] = mapped_column(primary_key=True)
    message_id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    processed_at: Mapped[dt.datetime] = mapped_column(server_default=sa.func.now())
