"""API models of trunks (F-13). The password is write-only: responses only say whether one is set."""

import datetime as dt
import uuid

from obzvon_db.models import Trunk
from pydantic import BaseModel, ConfigDict, Field


class TrunkCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: str = Field(max_length=100)
    username: str = Field(default="", max_length=64)
    #: Write-only. A trunk with a password registers with the provider; one without is an IP trunk
    #: recognised by its host address.
    password: str | None = Field(default=None, max_length=128)
    host: str = Field(max_length=253)
    port: int = 5060
    context: str = Field(default="inbound", max_length=80)
    is_robot: bool = False
    is_active: bool = True
    max_lines: int | None = None
    inbound_project_id: uuid.UUID | None = None


class TrunkUpdate(BaseModel):
    """Fields a PATCH may change. `password: ""` removes the password; omitting it keeps the old one."""

    model_config = ConfigDict(extra="forbid")

    name: str | None = Field(default=None, max_length=100)
    username: str | None = Field(default=None, max_length=64)
    password: str | None = Field(default=None, max_length=128)
    host: str | None = Field(default=None, max_length=253)
    port: int | None = None
    context: str | None = Field(default=None, max_length=80)
    is_robot: bool | None = None
    is_active: bool | None = None
    max_lines: int | None = None
    inbound_project_id: uuid.UUID | None = None


class TrunkOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    name: str
    username: str
    has_password: bool
    host: str
    port: int
    context: str
    is_robot: bool
    is_active: bool
    max_lines: int | None
    inbound_project_id: uuid.UUID | None
    created_at: dt.datetime
    updated_at: dt.datetime

    @classmethod
    def of(cls, trunk: Trunk) -> "TrunkOut":
        return cls(
            id=trunk.id,
            name=trunk.name,
            username=trunk.username,
            has_password=trunk.secret_ciphertext is not None,
            host=trunk.host,
            port=trunk.port,
            context=trunk.context,
            is_robot=trunk.is_robot,
            is_active=trunk.is_active,
            max_lines=trunk.max_lines,
            inbound_project_id=trunk.inbound_project_id,
            created_at=trunk.created_at,
            updated_at=trunk.updated_at,
        )


class TrunkName(BaseModel):
    """What a supervisor sees of a trunk to pick one in a project's settings."""

    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    name: str
    is_active: bool
    is_robot: bool
