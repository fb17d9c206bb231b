"""Call records (F-47, F-55, F-61), written idempotently from events (I3)."""

import datetime as dt
import uuid
from decimal import Decimal

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column

from obzvon_db.base import Base, Timestamps, UUIDPrimaryKey, str_enum
from obzvon_db.enums import CallDirection, CallOutcome, CallType


class Call(UUIDPrimaryKey, Timestamps, Base):
    """One call as the calls report shows it.

    Upserts are keyed by ``attempt_id`` (dialer calls) or by the Asterisk ``uniqueid`` (inbound and
    manual calls); both are unique. Durations are whole seconds: ``duration_s`` from start to end,
    ``billing_s`` from answer to end, ``dial_s`` ringing, ``wait_s`` in the queue, ``talk_s`` with the
    operator.
    """

    __tablename__ = "calls"
    __table_args__ = (
        sa.Index("ix_calls_started_at", "started_at"),
        sa.Index("ix_calls_project_started", "project_id", "started_at"),
        sa.Index("ix_calls_operator_started", "operator_id", "started_at"),
        sa.Index("ix_calls_contact_id", "contact_id"),
        sa.Index("ix_calls_to_number", "to_number"),
        sa.Index("ix_calls_from_number", "from_number"),
        sa.CheckConstraint(
            "duration_s >= 0 AND billing_s >= 0 AND dial_s >= 0 AND wait_s >= 0 AND talk_s >= 0",
            name="durations_non_negative",
        ),
    )

    attempt_id: Mapped[uuid.UUID | None] = mapped_column(
        sa.ForeignKey("attempts.id", ondelete="SET NULL"), unique=True
    )
    uniqueid: Mapped[str | None] = mapped_column(unique=True)
    linkedid: Mapped[str | None]
    direction: Mapped[CallDirection] = mapped_column(str_enum(CallDirection, "direction"))
    call_type: Mapped[CallType] = mapped_column(str_enum(CallType, "call_type"))
    from_number: Mapped[str | None]
    to_number: Mapped[str | None]
    project_id: Mapped[uuid.UUID | None] = mapped_column(sa.ForeignKey("projects.id", ondelete="SET NULL"))
    contact_id: Mapped[uuid.UUID | None] = mapped_column(sa.ForeignKey("contacts.id", ondelete="SET NULL"))
    operator_id: Mapped[uuid.UUID | None] = mapped_column(sa.ForeignKey("users.id", ondelete="SET NULL"))
    #: F-46: a callback waiting in the queue is offered to this operator first; cleared once the call
    #: goes to the project's general queue. Kept here so that queue-router's restart keeps it (I4).
    preferred_operator_id: Mapped[uuid.UUID | None] = mapped_column(
        sa.ForeignKey("users.id", ondelete="SET NULL")
    )
    trunk_id: Mapped[uuid.UUID | None] = mapped_column(sa.ForeignKey("trunks.id", ondelete="SET NULL"))
    result_status_id: Mapped[uuid.UUID | None] = mapped_column(
        sa.ForeignKey("result_statuses.id", ondelete="SET NULL")
    )
    started_at: Mapped[dt.datetime]
    answered_at: Mapped[dt.datetime | None]
    connected_at: Mapped[dt.datetime | None]
    ended_at: Mapped[dt.datetime | None]
    duration_s: Mapped[int] = mapped_column(default=0, server_default="0")
    billing_s: Mapped[int] = mapped_column(default=0, server_default="0")
    dial_s: Mapped[int] = mapped_column(default=0, server_default="0")
    wait_s: Mapped[int] = mapped_column(default=0, server_default="0")
    talk_s: Mapped[int] = mapped_column(default=0, server_default="0")
    client_status: Mapped[str | None]
    operator_status: Mapped[str | None]
    hangup_cause: Mapped[int | None]
    hangup_cause_text: Mapped[str | None]
    outcome: Mapped[CallOutcome | None] = mapped_column(str_enum(CallOutcome, "outcome"))
    recording_path: Mapped[str | None]
    robot_status: Mapped[str | None]
    price: Mapped[Decimal | None] = mapped_column(sa.Numeric(12, 4))
