"""Field types shared by event payloads."""

from datetime import UTC, datetime
from typing import Annotated
from uuid import UUID

from pydantic import AfterValidator, AwareDatetime, Field


def to_utc(value: datetime) -> datetime:
    """Normalise an aware datetime to UTC (naive datetimes are rejected by ``AwareDatetime``)."""
    return value.astimezone(UTC)


UtcDatetime = Annotated[AwareDatetime, AfterValidator(to_utc)]
"""A timezone-aware instant, stored and sent in UTC."""


def utc_now() -> datetime:
    return datetime.now(UTC)


CallId = Annotated[UUID, Field(description="Attempt id for outbound calls (the channel's ChannelId).")]
ProjectId = Annotated[UUID, Field(description="Project (campaign) the call belongs to.")]
ContactId = Annotated[UUID | None, Field(description="Client card; none for a bare number.")]
