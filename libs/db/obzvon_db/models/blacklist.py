"""The global blacklist (F-70)."""

import uuid

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column

from obzvon_db.base import Base, CreatedAt, UUIDPrimaryKey


class BlacklistEntry(UUIDPrimaryKey, CreatedAt, Base):
    """F-70: a number that is never dialled, whatever the base says."""

    __tablename__ = "blacklist"
    __table_args__ = (sa.CheckConstraint("phone ~ '^[0-9]{3,15}$'", name="phone_digits"),)

    phone: Mapped[str] = mapped_column(unique=True)
    comment: Mapped[str | None]
    created_by: Mapped[uuid.UUID | None] = mapped_column(sa.ForeignKey("users.id", ondelete="SET NULL"))
