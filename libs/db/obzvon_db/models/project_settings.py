"""Per-project schedules, retry rules, pinned statuses and card template (F-23..F-26)."""

import datetime as dt
import uuid

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql as pg
from sqlalchemy.orm import Mapped, mapped_column

from obzvon_db.base import Base, Timestamps, UUIDPrimaryKey, str_enum
from obzvon_db.enums import CardFieldType, RetryOutcome


class ProjectWeekdayInterval(UUIDPrimaryKey, Base):
    """F-24: a calling interval on a weekday (0 = Monday) in the call-centre timezone; several per day."""

    __tablename__ = "project_weekday_intervals"
    __table_args__ = (
        sa.CheckConstraint("weekday BETWEEN 0 AND 6", name="weekday_range"),
        sa.CheckConstraint("start_time < end_time", name="time_order"),
        sa.Index("ix_project_weekday_intervals_project_weekday", "project_id", "weekday"),
    )

    project_id: Mapped[uuid.UUID] = mapped_column(sa.ForeignKey("projects.id", ondelete="CASCADE"))
    weekday: Mapped[int] = mapped_column(sa.SmallInteger)
    start_time: Mapped[dt.time]
    end_time: Mapped[dt.time]


class ProjectRetryRule(UUIDPrimaryKey, Base):
    """F-26: retry intervals (minutes, e.g. ``{15,60,1440,60}``) and attempt count for one outcome.

    The n-th retry waits ``intervals_minutes[n]`` (the last interval repeats when there are fewer).
    """

    __tablename__ = "project_retry_rules"
    __table_args__ = (
        sa.UniqueConstraint("project_id", "outcome"),
        sa.CheckConstraint("max_attempts >= 0", name="max_attempts_non_negative"),
        sa.CheckConstraint("0 < ALL (intervals_minutes)", name="intervals_positive"),
    )

    project_id: Mapped[uuid.UUID] = mapped_column(sa.ForeignKey("projects.id", ondelete="CASCADE"))
    outcome: Mapped[RetryOutcome] = mapped_column(str_enum(RetryOutcome, "outcome"))
    intervals_minutes: Mapped[list[int]] = mapped_column(
        pg.ARRAY(sa.Integer), default=list, server_default=sa.text("'{}'::integer[]")
    )
    max_attempts: Mapped[int]


class ProjectPinnedStatus(UUIDPrimaryKey, Base):
    """F-25 "task to operator": contacts of the project in this result status go to this operator."""

    __tablename__ = "project_pinned_statuses"
    __table_args__ = (sa.UniqueConstraint("project_id", "result_status_id"),)

    project_id: Mapped[uuid.UUID] = mapped_column(sa.ForeignKey("projects.id", ondelete="CASCADE"))
    result_status_id: Mapped[uuid.UUID] = mapped_column(
        sa.ForeignKey("result_statuses.id", ondelete="CASCADE"), index=True
    )
    operator_id: Mapped[uuid.UUID] = mapped_column(sa.ForeignKey("users.id", ondelete="CASCADE"), index=True)


class CardField(UUIDPrimaryKey, Timestamps, Base):
    """F-23: a field of the client card; fixed fields map to contact columns, custom ones to
    ``contacts.custom_fields[key]``."""

    __tablename__ = "card_fields"
    __table_args__ = (
        sa.UniqueConstraint("project_id", "key"),
        sa.CheckConstraint("key ~ '^[a-z][a-z0-9_]{0,62}$'", name="key_slug"),
    )

    project_id: Mapped[uuid.UUID] = mapped_column(sa.ForeignKey("projects.id", ondelete="CASCADE"))
    key: Mapped[str]
    label: Mapped[str]
    field_type: Mapped[CardFieldType] = mapped_column(
        str_enum(CardFieldType, "field_type"),
        default=CardFieldType.TEXT,
        server_default=CardFieldType.TEXT.value,
    )
    position: Mapped[int] = mapped_column(default=0, server_default="0")
    is_custom: Mapped[bool] = mapped_column(default=True, server_default=sa.true())
    is_required: Mapped[bool] = mapped_column(default=False, server_default=sa.false())
