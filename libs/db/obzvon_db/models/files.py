"""File manager (F-71): a folder tree shared by all roles."""

import uuid

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column

from obzvon_db.base import Base, Timestamps, UUIDPrimaryKey


class FileFolder(UUIDPrimaryKey, Timestamps, Base):
    """A folder; ``parent_id`` NULL is the root level. Names are unique within a parent."""

    __tablename__ = "file_folders"
    __table_args__ = (sa.UniqueConstraint("parent_id", "name", postgresql_nulls_not_distinct=True),)

    parent_id: Mapped[uuid.UUID | None] = mapped_column(sa.ForeignKey("file_folders.id", ondelete="CASCADE"))
    name: Mapped[str]
    created_by: Mapped[uuid.UUID | None] = mapped_column(sa.ForeignKey("users.id", ondelete="SET NULL"))


class StoredFile(UUIDPrimaryKey, Timestamps, Base):
    """An uploaded file; stored on disk under ``stored_name`` (a UUID), never under the user's name."""

    __tablename__ = "files"
    __table_args__ = (
        sa.UniqueConstraint("folder_id", "name", postgresql_nulls_not_distinct=True),
        sa.CheckConstraint("size >= 0", name="size_non_negative"),
    )

    folder_id: Mapped[uuid.UUID | None] = mapped_column(sa.ForeignKey("file_folders.id", ondelete="CASCADE"))
    name: Mapped[str]
    stored_name: Mapped[str] = mapped_column(unique=True)
    size: Mapped[int] = mapped_column(sa.BigInteger)
    content_type: Mapped[str] = mapped_column(
        default="application/octet-stream", server_default="application/octet-stream"
    )
    sha256: Mapped[str | None] = mapped_column(sa.String(64))
    uploaded_by: Mapped[uuid.UUID | None] = mapped_column(sa.ForeignKey("users.id", ondelete="SET NULL"))
