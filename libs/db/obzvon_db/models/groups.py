"""User groups (F-11): an operator may belong to several groups."""

import uuid

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column

from obzvon_db.base import Base, CreatedAt, Timestamps, UUIDPrimaryKey


class Group(UUIDPrimaryKey, Timestamps, Base):
    """A named set of users that projects take their operators from."""

    __tablename__ = "groups"

    name: Mapped[str] = mapped_column(unique=True)


class GroupMember(CreatedAt, Base):
    """Membership of a user in a group."""

    __tablename__ = "group_members"

    group_id: Mapped[uuid.UUID] = mapped_column(
        sa.ForeignKey("groups.id", ondelete="CASCADE"), primary_key=True
    )
    user_id: Mapped[uuid.UUID] = mapped_column(
        sa.ForeignKey("users.id", ondelete="CASCADE"), primary_key=True, index=True
    )
