"""Operator tasks / callbacks (F-46, F-54) and card comments (F-53)."""

import datetime as dt
import uuid

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column

from obzvon_db.base import Base, Timestamps, UUIDPrimaryKey

_OPEN = "done_at IS NULL AND deleted_at IS NULL"


class Task(UUIDPrimaryKey, Timestamps, Base):
    """A to-do on a contact for an operator; with ``call_automatically`` the call is made at ``due_at``
    for that operator (or goes to the general queue if the operator is busy)."""

    __tablename__ = "tasks"
    __table_args__ = (
        sa.Index("ix_tasks_operator_due_open", "operator_id", "due_at", postgresql_where=sa.text(_OPEN)),
        sa.Index(
            "ix_tasks_due_unnotified",
            "due_at",
            postgresql_where=sa.text(f"{_OPEN} AND notified_at IS NULL"),
        ),
        sa.Index("ix_tasks_contact_id", "contact_id"),
    )

    operator_id: Mapped[uuid.UUID] = mapped_column(sa.ForeignKey("users.id", ondelete="CASCADE"))
    contact_id: Mapped[uuid.UUID] = mapped_column(sa.ForeignKey("contacts.id", ondelete="CASCADE"))
    project_id: Mapped[uuid.UUID] = mapped_column(
        sa.ForeignKey("projects.id", ondelete="CASCADE"), index=True
    )
    text: Mapped[str] = mapped_column(default="", server_default="")
    due_at: Mapped[dt.datetime]
    call_automatically: Mapped[bool] = mapped_column(default=False, server_default=sa.false())
    done_at: Mapped[dt.datetime | None]
    notified_at: Mapped[dt.datetime | None]
    deleted_at: Mapped[dt.datetime | None]
    created_by: Mapped[uuid.UUID | None] = mapped_column(sa.ForeignKey("users.id", ondelete="SET NULL"))


class Comment(UUIDPrimaryKey, Timestamps, Base):
    """F-53: a comment left on a contact's card."""

    __tablename__ = "comments"
    __table_args__ = (sa.Index("ix_comments_contact_created", "contact_id", "created_at"),)

    contact_id: Mapped[uuid.UUID] = mapped_column(sa.ForeignKey("contacts.id", ondelete="CASCADE"))
    author_id: Mapped[uuid.UUID | None] = mapped_column(sa.ForeignKey("users.id", ondelete="SET NULL"))
    call_id: Mapped[uuid.UUID | None] = mapped_column(sa.ForeignKey("calls.id", ondelete="SET NULL"))
    text: Mapped[str]
