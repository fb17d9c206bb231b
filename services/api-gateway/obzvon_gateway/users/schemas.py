"""API models of users."""

import datetime as dt
import uuid

from obzvon_db.enums import Locale, UserRole
from obzvon_db.models import User
from pydantic import BaseModel, ConfigDict, Field


class UserOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    email: str
    full_name: str
    phone: str | None
    role: UserRole
    extension: str | None
    is_active: bool
    locale: Locale
    created_at: dt.datetime
    last_login_at: dt.datetime | None

    @classmethod
    def of(cls, user: User) -> "UserOut":
        return cls.model_validate(user)


class UserUpdate(BaseModel):
    """Fields a PATCH may change; unknown fields are refused (an operator cannot sneak in `role`)."""

    model_config = ConfigDict(extra="forbid")

    is_active: bool | None = None
    full_name: str | None = Field(default=None, min_length=1, max_length=200)
    role: UserRole | None = None


class SipPasswordOut(BaseModel):
    """A new SIP password for the user's phone, shown once: it is stored only encrypted."""

    extension: str
    username: str
    password: str
