"""Projects (campaigns) with every setting of the settings tabs (F-20..F-27) and their links."""

import datetime as dt
import uuid
from decimal import Decimal

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column

from obzvon_db.base import Base, CreatedAt, Timestamps, UUIDPrimaryKey, str_enum
from obzvon_db.enums import DialMode, QueueStrategy


class Project(UUIDPrimaryKey, Timestamps, Base):
    """A calling campaign: what to dial, when, how fast, and which operators take the calls.

    ``timezone`` is the call-centre zone (weekday hours, start/end dates); the client window
    (``client_window_start``..``client_window_end``) is in each client's own zone. A dialer instance owns
    a running project while ``dialer_lease_until`` is in the future.
    """

    __tablename__ = "projects"
    __table_args__ = (
        sa.CheckConstraint(
            "ends_on IS NULL OR starts_on IS NULL OR ends_on >= starts_on", name="dates_order"
        ),
        sa.CheckConstraint("client_window_start < client_window_end", name="client_window_order"),
        sa.CheckConstraint("queue_timeout_s > 0", name="queue_timeout_positive"),
        sa.CheckConstraint("operator_timeout_s > 0", name="operator_timeout_positive"),
        sa.CheckConstraint("dial_timeout_s > 0", name="dial_timeout_positive"),
        sa.CheckConstraint(
            "global_timeout_s IS NULL OR global_timeout_s > 0", name="global_timeout_positive"
        ),
        sa.CheckConstraint("max_concurrent_calls > 0", name="max_concurrent_calls_positive"),
        sa.CheckConstraint("predictive_percent BETWEEN 0 AND 100", name="predictive_percent_range"),
        sa.CheckConstraint("max_attempts > 0", name="max_attempts_positive"),
        sa.CheckConstraint("abandon_target_percent BETWEEN 0 AND 100", name="abandon_target_range"),
        sa.CheckConstraint("retention_days IS NULL OR retention_days > 0", name="retention_days_positive"),
        sa.Index("ix_projects_running", "id", postgresql_where=sa.text("is_running AND deleted_at IS NULL")),
    )

    # Tab "Project" (F-22)
    name: Mapped[str]
    is_active: Mapped[bool] = mapped_column(default=True, server_default=sa.true())
    is_running: Mapped[bool] = mapped_column(default=False, server_default=sa.false())
    deleted_at: Mapped[dt.datetime | None]
    show_numbers: Mapped[bool] = mapped_column(default=True, server_default=sa.true())
    amd_enabled: Mapped[bool] = mapped_column(default=False, server_default=sa.false())
    robot_enabled: Mapped[bool] = mapped_column(default=False, server_default=sa.false())
    starts_on: Mapped[dt.date | None]
    ends_on: Mapped[dt.date | None]
    timezone: Mapped[str] = mapped_column(default="Europe/Moscow", server_default="Europe/Moscow")
    client_window_start: Mapped[dt.time] = mapped_column(default=dt.time(9, 0), server_default="09:00")
    client_window_end: Mapped[dt.time] = mapped_column(default=dt.time(21, 0), server_default="21:00")
    caller_id: Mapped[str | None]
    trunk_id: Mapped[uuid.UUID | None] = mapped_column(
        sa.ForeignKey("trunks.id", ondelete="SET NULL"), index=True
    )
    call_from_end: Mapped[bool] = mapped_column(default=False, server_default=sa.false())

    # Tab "Queue" (F-25)
    queue_timeout_s: Mapped[int] = mapped_column(default=60, server_default="60")
    operator_timeout_s: Mapped[int] = mapped_column(default=15, server_default="15")
    strategy: Mapped[QueueStrategy] = mapped_column(
        str_enum(QueueStrategy, "strategy"),
        default=QueueStrategy.RING_ALL,
        server_default=QueueStrategy.RING_ALL.value,
    )
    auto_answer: Mapped[bool] = mapped_column(default=False, server_default=sa.false())
    music_on_hold: Mapped[bool] = mapped_column(default=True, server_default=sa.true())

    # Tab "Attempts and dial mode" (F-26)
    dial_timeout_s: Mapped[int] = mapped_column(default=30, server_default="30")
    global_timeout_s: Mapped[int | None]
    max_concurrent_calls: Mapped[int] = mapped_column(default=10, server_default="10")
    dial_mode: Mapped[DialMode] = mapped_column(
        str_enum(DialMode, "dial_mode"), default=DialMode.UNLIMITED, server_default=DialMode.UNLIMITED.value
    )
    predictive_percent: Mapped[int] = mapped_column(default=3, server_default="3")
    max_attempts: Mapped[int] = mapped_column(default=5, server_default="5")
    abandon_target_percent: Mapped[Decimal] = mapped_column(
        sa.Numeric(5, 2), default=Decimal("3"), server_default="3"
    )

    # Tab "Operator script" (F-27), sanitised HTML
    script_html: Mapped[str] = mapped_column(default="", server_default="")

    # Recording and personal-data retention (152-FZ)
    record_calls: Mapped[bool] = mapped_column(default=True, server_default=sa.true())
    recording_notice: Mapped[bool] = mapped_column(default=False, server_default=sa.false())
    retention_days: Mapped[int | None]

    # Ownership of a running project by one dialer instance
    dialer_instance: Mapped[str | None]
    dialer_lease_until: Mapped[dt.datetime | None]

    created_by: Mapped[uuid.UUID | None] = mapped_column(sa.ForeignKey("users.id", ondelete="SET NULL"))


class ProjectSupervisor(CreatedAt, Base):
    """F-25: a supervisor assigned to a project (sees and manages it)."""

    __tablename__ = "project_supervisors"

    project_id: Mapped[uuid.UUID] = mapped_column(
        sa.ForeignKey("projects.id", ondelete="CASCADE"), primary_key=True
    )
    user_id: Mapped[uuid.UUID] = mapped_column(
        sa.ForeignKey("users.id", ondelete="CASCADE"), primary_key=True, index=True
    )


class ProjectGroup(CreatedAt, Base):
    """F-25: a user group whose operators take the project's calls."""

    __tablename__ = "project_groups"

    project_id: Mapped[uuid.UUID] = mapped_column(
        sa.ForeignKey("projects.id", ondelete="CASCADE"), primary_key=True
    )
    group_id: Mapped[uuid.UUID] = mapped_column(
        sa.ForeignKey("groups.id", ondelete="CASCADE"), primary_key=True, index=True
    )


class ProjectResultStatus(CreatedAt, Base):
    """F-25: a result status operators may set on the project's cards."""

    __tablename__ = "project_result_statuses"

    project_id: Mapped[uuid.UUID] = mapped_column(
        sa.ForeignKey("projects.id", ondelete="CASCADE"), primary_key=True
    )
    result_status_id: Mapped[uuid.UUID] = mapped_column(
        sa.ForeignKey("result_statuses.id", ondelete="CASCADE"), primary_key=True, index=True
    )
