"""Users, their API tokens and server-side sessions (F-01, F-02, F-05, F-10)."""

import datetime as dt
import uuid

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql as pg
from sqlalchemy.orm import Mapped, mapped_column

from obzvon_db.base import Base, CreatedAt, Timestamps, UUIDPrimaryKey, str_enum
from obzvon_db.enums import Locale, UserRole


class User(UUIDPrimaryKey, Timestamps, Base):
    """A person who logs in: admin, supervisor or operator.

    E-mail is unique case-insensitively among users that are not deleted; so is the internal
    extension (admins may have none). ``session_version`` is bumped to revoke every session at once.
    """

    __tablename__ = "users"
    __table_args__ = (
        sa.Index(
            "uq_users_email_lower",
            sa.text("lower(email)"),
            unique=True,
            postgresql_where=sa.text("deleted_at IS NULL"),
        ),
        sa.Index(
            "uq_users_extension",
            "extension",
            unique=True,
            postgresql_where=sa.text("deleted_at IS NULL"),
        ),
        sa.CheckConstraint("extension ~ '^[0-9]{2,8}$'", name="extension_digits"),
        sa.CheckConstraint("session_version >= 0", name="session_version_non_negative"),
    )

    email: Mapped[str]
    full_name: Mapped[str]
    phone: Mapped[str | None]
    role: Mapped[UserRole] = mapped_column(str_enum(UserRole, "role"))
    password_hash: Mapped[str]
    extension: Mapped[str | None]
    trunk_id: Mapped[uuid.UUID | None] = mapped_column(sa.ForeignKey("trunks.id", ondelete="SET NULL"))
    is_active: Mapped[bool] = mapped_column(default=True, server_default=sa.true())
    deleted_at: Mapped[dt.datetime | None]
    locale: Mapped[Locale] = mapped_column(
        str_enum(Locale, "locale"), default=Locale.RU, server_default=Locale.RU.value
    )
    session_version: Mapped[int] = mapped_column(default=0, server_default="0")
    last_login_at: Mapped[dt.datetime | None]
    #: The SIP password of the user's extension, AES-GCM encrypted with the user id as AAD.
    sip_secret_ciphertext: Mapped[bytes | None] = mapped_column(sa.LargeBinary)


class ApiToken(UUIDPrimaryKey, CreatedAt, Base):
    """F-05: a bearer token for OpenAPI clients; only its SHA-256 (hex) is stored."""

    __tablename__ = "api_tokens"
    __table_args__ = (sa.CheckConstraint("token_hash ~ '^[0-9a-f]{64}$'", name="token_hash_sha256_hex"),)

    user_id: Mapped[uuid.UUID] = mapped_column(sa.ForeignKey("users.id", ondelete="CASCADE"), index=True)
    name: Mapped[str]
    token_hash: Mapped[str] = mapped_column(sa.String(64), unique=True)
    prefix: Mapped[str] = mapped_column(sa.String(16))
    last_used_at: Mapped[dt.datetime | None]
    expires_at: Mapped[dt.datetime | None]
    revoked_at: Mapped[dt.datetime | None]


class UserSession(UUIDPrimaryKey, CreatedAt, Base):
    """An opaque login session; the cookie carries the token, the row keeps its SHA-256 (hex).

    A session is valid while not revoked, not expired and its ``session_version`` equals the user's.
    """

    __tablename__ = "user_sessions"
    __table_args__ = (sa.CheckConstraint("token_hash ~ '^[0-9a-f]{64}$'", name="token_hash_sha256_hex"),)

    user_id: Mapped[uuid.UUID] = mapped_column(sa.ForeignKey("users.id", ondelete="CASCADE"), index=True)
    token_hash: Mapped[str] = mapped_column(sa.String(64), unique=True)
    session_version: Mapped[int]
    last_seen_at: Mapped[dt.datetime] = mapped_column(server_default=sa.func.now())
    expires_at: Mapped[dt.datetime]
    revoked_at: Mapped[dt.datetime | None]
    ip: Mapped[str | None] = mapped_column(pg.INET)
    user_agent: Mapped[str | None]
