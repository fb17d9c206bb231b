"""SIP trunks (F-13): outbound providers and inbound routing to a project's queue."""

import uuid

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column

from obzvon_db.base import Base, Timestamps, UUIDPrimaryKey


class Trunk(UUIDPrimaryKey, Timestamps, Base):
    """A SIP trunk. The password is kept only as AES-256-GCM ciphertext (see ``obzvon_db.secrets``,
    AAD = the trunk id) and is decrypted only to render the Asterisk configuration."""

    __tablename__ = "trunks"
    __table_args__ = (
        sa.CheckConstraint("port BETWEEN 1 AND 65535", name="port_range"),
        sa.CheckConstraint("max_lines IS NULL OR max_lines > 0", name="max_lines_positive"),
    )

    name: Mapped[str] = mapped_column(unique=True)
    username: Mapped[str]
    host: Mapped[str]
    port: Mapped[int] = mapped_column(default=5060, server_default="5060")
    context: Mapped[str] = mapped_column(default="inbound", server_default="inbound")
    is_robot: Mapped[bool] = mapped_column(default=False, server_default=sa.false())
    is_active: Mapped[bool] = mapped_column(default=True, server_default=sa.true())
    secret_ciphertext: Mapped[bytes | None]
    max_lines: Mapped[int | None]
    inbound_project_id: Mapped[uuid.UUID | None] = mapped_column(
        sa.ForeignKey("projects.id", ondelete="SET NULL", use_alter=True), index=True
    )
