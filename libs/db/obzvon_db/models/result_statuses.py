"""Result statuses an operator sets on a card (F-12, F-52)."""

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column

from obzvon_db.base import Base, Timestamps, UUIDPrimaryKey


class ResultStatus(UUIDPrimaryKey, Timestamps, Base):
    """A named, coloured result of a conversation; deactivated statuses stay on old records."""

    __tablename__ = "result_statuses"
    __table_args__ = (sa.CheckConstraint("colour ~ '^#[0-9A-Fa-f]{6}$'", name="colour_hex"),)

    name: Mapped[str] = mapped_column(unique=True)
    colour: Mapped[str] = mapped_column(sa.String(7), default="#1677ff", server_default="#1677ff")
    is_active: Mapped[bool] = mapped_column(default=True, server_default=sa.true())
