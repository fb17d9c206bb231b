"""API models of user groups (F-11)."""

import uuid

from pydantic import BaseModel, ConfigDict, Field


class MemberOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    full_name: str
    extension: str | None


class GroupOut(BaseModel):
    id: uuid.UUID
    name: str
    members: list[MemberOut]


class GroupIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: str = Field(max_length=200)


class MembersIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    user_ids: list[uuid.UUID] = Field(min_length=1, max_length=500)
