"""Contact bases, tags and contacts (F-30..F-35, F-60)."""

import datetime as dt
import uuid
from typing import Any

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql as pg
from sqlalchemy.orm import Mapped, mapped_column

from obzvon_db.base import ENFORCED_BY_TRIGGERS, Base, CreatedAt, Timestamps, UUIDPrimaryKey, str_enum
from obzvon_db.enums import DIALABLE_CONTACT_STATUSES, BaseImportStatus, ContactStatus

_DIALABLE_SQL = ", ".join(f"'{status.value}'" for status in DIALABLE_CONTACT_STATUSES)


class ContactBase(UUIDPrimaryKey, Timestamps, Base):
    """F-30/F-35: one uploaded file of contacts with its import progress and row counters.

    ``stored_name`` is the server-side name (a UUID, never the user's file name); ``error_report``
    lists rejected rows (``[{"row": 12, "error": "..."}]``).
    """

    __tablename__ = "contact_bases"

    project_id: Mapped[uuid.UUID] = mapped_column(
        sa.ForeignKey("projects.id", ondelete="CASCADE"), index=True
    )
    name: Mapped[str]
    file_name: Mapped[str]
    stored_name: Mapped[str | None]
    status: Mapped[BaseImportStatus] = mapped_column(
        str_enum(BaseImportStatus, "status"),
        default=BaseImportStatus.PENDING,
        server_default=BaseImportStatus.PENDING.value,
    )
    column_mapping: Mapped[dict[str, Any]] = mapped_column(
        default=dict, server_default=sa.text("'{}'::jsonb")
    )
    total_rows: Mapped[int] = mapped_column(default=0, server_default="0")
    processed_rows: Mapped[int] = mapped_column(default=0, server_default="0")
    imported_rows: Mapped[int] = mapped_column(default=0, server_default="0")
    rejected_rows: Mapped[int] = mapped_column(default=0, server_default="0")
    duplicate_rows: Mapped[int] = mapped_column(default=0, server_default="0")
    blacklisted_rows: Mapped[int] = mapped_column(default=0, server_default="0")
    error_report: Mapped[list[dict[str, Any]] | None] = mapped_column(pg.JSONB)
    uploaded_by: Mapped[uuid.UUID | None] = mapped_column(sa.ForeignKey("users.id", ondelete="SET NULL"))
    finished_at: Mapped[dt.datetime | None]


class Tag(UUIDPrimaryKey, CreatedAt, Base):
    """F-31: a label put on contacts (and on the bases they came from)."""

    __tablename__ = "tags"

    name: Mapped[str] = mapped_column(unique=True)


class ContactBaseTag(Base):
    """F-31: a tag given to a whole base at upload."""

    __tablename__ = "contact_base_tags"

    base_id: Mapped[uuid.UUID] = mapped_column(
        sa.ForeignKey("contact_bases.id", ondelete="CASCADE"), primary_key=True
    )
    tag_id: Mapped[uuid.UUID] = mapped_column(
        sa.ForeignKey("tags.id", ondelete="CASCADE"), primary_key=True, index=True
    )


class ContactTag(Base):
    """A tag on a contact."""

    __tablename__ = "contact_tags"

    contact_id: Mapped[uuid.UUID] = mapped_column(
        sa.ForeignKey("contacts.id", ondelete="CASCADE"), primary_key=True
    )
    tag_id: Mapped[uuid.UUID] = mapped_column(
        sa.ForeignKey("tags.id", ondelete="CASCADE"), primary_key=True, index=True
    )


class Contact(UUIDPrimaryKey, Timestamps, Base):
    """A client to call, with its card fields and dialing state.

    ``phone`` is digits only (11 for Russian numbers, ``7NNNNNNNNNN``), unique per project among contacts
    that are not deleted. ``seq`` is a global ascending number giving the base order (used by "call the
    base from the end"). ``next_attempt_at`` NULL means "never tried, due as soon as the project's
    windows allow". The dialer walks a project's contacts in base order through ``ix_contacts_dialer_queue``
    (only dialable, not deleted contacts are in it, so it shrinks as the base is worked through): its
    queries must filter ``deleted_at IS NULL`` and ``status IN`` ``DIALABLE_CONTACT_STATUSES``.

    This is the biggest table and base uploads insert a million rows at a time, so every index here
    earns its place: a row of a fresh upload enters five (primary key, project+phone, dialer queue,
    phone, base); the operator columns are indexed only where set. Queries by project alone use the
    leading column of ``uq_contacts_project_phone``.

    ``project_id`` and ``base_id`` are foreign keys enforced by set-based triggers rather than constraints
    (a constraint checks each row with a query of its own: a third of an upload's time). The triggers
    keep the constraints' meaning: an inserted or re-pointed contact must reference an existing project
    and base, which stay locked until commit; deleting a project deletes its contacts; deleting a base
    leaves its contacts without one.
    """

    __tablename__ = "contacts"
    __table_args__ = (
        sa.Index(
            "uq_contacts_project_phone",
            "project_id",
            "phone",
            unique=True,
            postgresql_where=sa.text("deleted_at IS NULL"),
        ),
        sa.Index(
            "ix_contacts_dialer_queue",
            "project_id",
            "seq",
            postgresql_where=sa.text(f"deleted_at IS NULL AND status IN ({_DIALABLE_SQL})"),
        ),
        sa.Index("ix_contacts_phone", "phone"),
        sa.Index("ix_contacts_base_id", "base_id"),
        sa.Index(
            "ix_contacts_pinned_operator",
            "pinned_operator_id",
            postgresql_where=sa.text("pinned_operator_id IS NOT NULL"),
        ),
        sa.Index(
            "ix_contacts_last_operator_id",
            "last_operator_id",
            postgresql_where=sa.text("last_operator_id IS NOT NULL"),
        ),
        sa.CheckConstraint("phone ~ '^[0-9]{10,15}$'", name="phone_digits"),
        sa.CheckConstraint("attempts_count >= 0", name="attempts_count_non_negative"),
    )

    seq: Mapped[int] = mapped_column(sa.BigInteger, sa.Identity(always=False))
    project_id: Mapped[uuid.UUID] = mapped_column(
        sa.ForeignKey("projects.id", ondelete="CASCADE", info=ENFORCED_BY_TRIGGERS)
    )
    base_id: Mapped[uuid.UUID | None] = mapped_column(
        sa.ForeignKey("contact_bases.id", ondelete="SET NULL", info=ENFORCED_BY_TRIGGERS)
    )
    phone: Mapped[str]
    email: Mapped[str | None]
    full_name: Mapped[str | None]
    birth_date: Mapped[dt.date | None]
    position: Mapped[str | None]
    city: Mapped[str | None]
    address: Mapped[str | None]
    description: Mapped[str | None]
    custom_fields: Mapped[dict[str, Any]] = mapped_column(default=dict, server_default=sa.text("'{}'::jsonb"))
    region: Mapped[str | None]
    timezone: Mapped[str | None]
    carrier: Mapped[str | None]
    status: Mapped[ContactStatus] = mapped_column(
        str_enum(ContactStatus, "status"), default=ContactStatus.NEW, server_default=ContactStatus.NEW.value
    )
    result_status_id: Mapped[uuid.UUID | None] = mapped_column(
        sa.ForeignKey("result_statuses.id", ondelete="SET NULL")
    )
    robot_status: Mapped[str | None]
    attempts_count: Mapped[int] = mapped_column(default=0, server_default="0")
    next_attempt_at: Mapped[dt.datetime | None]
    pinned_operator_id: Mapped[uuid.UUID | None] = mapped_column(
        sa.ForeignKey("users.id", ondelete="SET NULL")
    )
    last_operator_id: Mapped[uuid.UUID | None] = mapped_column(sa.ForeignKey("users.id", ondelete="SET NULL"))
    last_call_at: Mapped[dt.datetime | None]
    deleted_at: Mapped[dt.datetime | None]
