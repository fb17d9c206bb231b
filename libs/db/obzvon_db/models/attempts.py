"""Dial attempts: one row per originated channel (I1, I2)."""

import datetime as dt
import uuid

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column

from obzvon_db.base import Base, Timestamps, UUIDPrimaryKey, str_enum
from obzvon_db.enums import LIVE_ATTEMPT_STATES, AttemptState, CallOutcome, CallType

_LIVE_SQL = ", ".join(f"'{state.value}'" for state in LIVE_ATTEMPT_STATES)


class Attempt(UUIDPrimaryKey, Timestamps, Base):
    """One try to reach a contact. ``id`` is the Asterisk ``ChannelId`` sent with Originate; the row
    is committed before Originate (I2).

    I1: ``uq_attempts_live_contact`` allows at most one attempt per contact in a live state
    (originating, ringing, answered, talking). ``lease_until``/``dialer_instance`` tell the reconciler
    whose attempt it is and when it may be closed as ``failed_unknown``.
    """

    __tablename__ = "attempts"
    __table_args__ = (
        sa.Index(
            "uq_attempts_live_contact",
            "contact_id",
            unique=True,
            postgresql_where=sa.text(f"state IN ({_LIVE_SQL})"),
        ),
        sa.Index(
            "ix_attempts_unfinished",
            "dialer_instance",
            "lease_until",
            postgresql_where=sa.text("state NOT IN ('finished', 'failed')"),
        ),
        sa.Index("ix_attempts_contact_id", "contact_id"),
        sa.Index("ix_attempts_project_created", "project_id", "created_at"),
        sa.CheckConstraint("attempt_number > 0", name="attempt_number_positive"),
    )

    contact_id: Mapped[uuid.UUID] = mapped_column(sa.ForeignKey("contacts.id", ondelete="CASCADE"))
    project_id: Mapped[uuid.UUID] = mapped_column(sa.ForeignKey("projects.id", ondelete="CASCADE"))
    call_type: Mapped[CallType] = mapped_column(
        str_enum(CallType, "call_type"), default=CallType.AUTO, server_default=CallType.AUTO.value
    )
    operator_id: Mapped[uuid.UUID | None] = mapped_column(sa.ForeignKey("users.id", ondelete="SET NULL"))
    attempt_number: Mapped[int] = mapped_column(default=1, server_default="1")
    phone: Mapped[str]
    trunk_id: Mapped[uuid.UUID | None] = mapped_column(sa.ForeignKey("trunks.id", ondelete="SET NULL"))
    caller_id: Mapped[str | None]
    state: Mapped[AttemptState] = mapped_column(
        str_enum(AttemptState, "state"),
        default=AttemptState.PENDING,
        server_default=AttemptState.PENDING.value,
    )
    outcome: Mapped[CallOutcome | None] = mapped_column(str_enum(CallOutcome, "outcome"))
    lease_until: Mapped[dt.datetime | None]
    dialer_instance: Mapped[str | None]
    originated_at: Mapped[dt.datetime | None]
    answered_at: Mapped[dt.datetime | None]
    ended_at: Mapped[dt.datetime | None]
    hangup_cause: Mapped[int | None]
