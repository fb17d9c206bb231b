"""API models of sign-in."""

import uuid

from obzvon_db.enums import Locale, UserRole
from obzvon_db.models import User
from pydantic import BaseModel, ConfigDict, Field


class LoginRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    email: str = Field(min_length=3, max_length=320, examples=["admin@example.com"])
    password: str = Field(min_length=1, max_length=1024)


class Me(BaseModel):
    """The signed-in user."""

    id: uuid.UUID
    email: str
    full_name: str
    role: UserRole
    extension: str | None
    locale: Locale

    @classmethod
    def of(cls, user: User) -> "Me":
        return cls(
            id=user.id,
            email=user.email,
            full_name=user.full_name,
            role=user.role,
            extension=user.extension,
            locale=user.locale,
        )
