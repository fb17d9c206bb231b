"""Per-project integrations (F-28, F-72..F-74): Bitrix24, SMS and e-mail providers, templates, webhooks."""

import uuid
from typing import Any

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql as pg
from sqlalchemy.orm import Mapped, mapped_column

from obzvon_db.base import Base, Timestamps, UUIDPrimaryKey, str_enum
from obzvon_db.enums import IntegrationKind, MessageChannel


class ProjectIntegration(UUIDPrimaryKey, Timestamps, Base):
    """Settings of one integration of a project. ``settings`` holds only non-secret values (host,
    source ID, statuses that send leads ...); the password/token is AES-256-GCM ciphertext with the
    row id as AAD."""

    __tablename__ = "project_integrations"
    __table_args__ = (sa.UniqueConstraint("project_id", "kind"),)

    project_id: Mapped[uuid.UUID] = mapped_column(sa.ForeignKey("projects.id", ondelete="CASCADE"))
    kind: Mapped[IntegrationKind] = mapped_column(str_enum(IntegrationKind, "kind"))
    is_enabled: Mapped[bool] = mapped_column(default=True, server_default=sa.true())
    settings: Mapped[dict[str, Any]] = mapped_column(default=dict, server_default=sa.text("'{}'::jsonb"))
    secret_ciphertext: Mapped[bytes | None]


class MessageTemplate(UUIDPrimaryKey, Timestamps, Base):
    """F-57: an SMS or e-mail template sent from the card (``subject`` is for e-mail only)."""

    __tablename__ = "message_templates"
    __table_args__ = (sa.Index("ix_message_templates_project_channel", "project_id", "channel"),)

    project_id: Mapped[uuid.UUID] = mapped_column(sa.ForeignKey("projects.id", ondelete="CASCADE"))
    channel: Mapped[MessageChannel] = mapped_column(str_enum(MessageChannel, "channel"))
    name: Mapped[str] = mapped_column(default="", server_default="")
    subject: Mapped[str | None]
    body: Mapped[str]


class WebhookEndpoint(UUIDPrimaryKey, Timestamps, Base):
    """F-74: an outbound webhook; requests are signed with the secret (ciphertext, AAD = row id).

    ``project_id`` NULL means every project; ``event_names`` empty means every event.
    """

    __tablename__ = "webhook_endpoints"

    project_id: Mapped[uuid.UUID | None] = mapped_column(
        sa.ForeignKey("projects.id", ondelete="CASCADE"), index=True
    )
    url: Mapped[str]
    event_names: Mapped[list[str]] = mapped_column(
        pg.ARRAY(sa.Text), default=list, server_default=sa.text("'{}'::text[]")
    )
    is_active: Mapped[bool] = mapped_column(default=True, server_default=sa.true())
    secret_ciphertext: Mapped[bytes | None]
