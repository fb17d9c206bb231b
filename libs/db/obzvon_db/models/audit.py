"""Append-only audit log of settings changes, logins, exports and downloads (F-83)."""

import datetime as dt
import uuid
from typing import Any

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql as pg
from sqlalchemy.orm import Mapped, mapped_column

from obzvon_db.base import Base

#: The trigger function that makes ``audit_log`` append-only (also created by the migration).
AUDIT_APPEND_ONLY_FUNCTION = """
CREATE OR REPLACE FUNCTION audit_log_append_only() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit_log is append-only: % is not allowed', TG_OP
        USING ERRCODE = 'insufficient_privilege';
END;
$$
"""

AUDIT_APPEND_ONLY_TRIGGER = """
CREATE TRIGGER audit_log_append_only
BEFORE UPDATE OR DELETE ON audit_log
FOR EACH ROW EXECUTE FUNCTION audit_log_append_only()
"""


class AuditLog(Base):
    """Who did what to which object, when (UTC) and from where; before/after hold changed settings.

    Rows can only be inserted: a trigger raises on UPDATE and DELETE. ``actor_id`` has no foreign key
    so the log outlives any user row.
    """

    __tablename__ = "audit_log"
    __table_args__ = (
        sa.Index("ix_audit_log_occurred_at", "occurred_at"),
        sa.Index("ix_audit_log_actor_occurred", "actor_id", "occurred_at"),
        sa.Index("ix_audit_log_object", "object_type", "object_id"),
    )

    id: Mapped[int] = mapped_column(sa.BigInteger, sa.Identity(always=False), primary_key=True)
    occurred_at: Mapped[dt.datetime] = mapped_column(server_default=sa.func.now())
    actor_id: Mapped[uuid.UUID | None]
    ip: Mapped[str | None] = mapped_column(pg.INET)
    action: Mapped[str]
    object_type: Mapped[str | None]
    object_id: Mapped[str | None]
    before: Mapped[dict[str, Any] | None]
    after: Mapped[dict[str, Any] | None]


sa.event.listen(AuditLog.__table__, "after_create", sa.DDL(AUDIT_APPEND_ONLY_FUNCTION))
sa.event.listen(AuditLog.__table__, "after_create", sa.DDL(AUDIT_APPEND_ONLY_TRIGGER))
