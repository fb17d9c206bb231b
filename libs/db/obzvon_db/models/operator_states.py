"""Operator state history (F-50, F-62): Postgres is the truth for operator state (I4)."""

import datetime as dt
import uuid

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column

from obzvon_db.base import Base, UUIDPrimaryKey, str_enum
from obzvon_db.enums import OperatorState


class OperatorStateInterval(UUIDPrimaryKey, Base):
    """A period an operator spent in one state; the current state is the single open interval
    (``ended_at IS NULL``), guaranteed unique per operator by a partial unique index."""

    __tablename__ = "operator_state_intervals"
    __table_args__ = (
        sa.Index(
            "uq_operator_state_intervals_open",
            "operator_id",
            unique=True,
            postgresql_where=sa.text("ended_at IS NULL"),
        ),
        sa.Index("ix_operator_state_intervals_operator_started", "operator_id", "started_at"),
        sa.Index("ix_operator_state_intervals_started_at", "started_at"),
        sa.CheckConstraint("ended_at IS NULL OR ended_at >= started_at", name="ended_after_started"),
    )

    operator_id: Mapped[uuid.UUID] = mapped_column(sa.ForeignKey("users.id", ondelete="CASCADE"))
    state: Mapped[OperatorState] = mapped_column(str_enum(OperatorState, "state"))
    started_at: Mapped[dt.datetime] = mapped_column(server_default=sa.func.now())
    ended_at: Mapped[dt.datetime | None]
    call_id: Mapped[uuid.UUID | None] = mapped_column(
        sa.ForeignKey("calls.id", ondelete="SET NULL"), index=True
    )
    project_id: Mapped[uuid.UUID | None] = mapped_column(sa.ForeignKey("projects.id", ondelete="SET NULL"))
    reason: Mapped[str | None]
