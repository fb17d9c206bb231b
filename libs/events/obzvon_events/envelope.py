"""The envelope every message on the bus travels in."""

from typing import Any
from uuid import UUID

from pydantic import BaseModel, ConfigDict, Field

from obzvon_events.types import UtcDatetime


class Envelope(BaseModel):
    """``{name, version, id, occurred_at, producer, data}`` — the wire format of events and commands.

    ``id`` is unique per message and doubles as the AMQP ``message_id`` and the outbox row id, so
    consumers de-duplicate by it. Unknown top-level keys are ignored, so the envelope can grow.
    """

    model_config = ConfigDict(frozen=True, extra="ignore")

    name: str = Field(min_length=1, pattern=r"^[a-z][a-z0-9_]*$", description="Message name, snake_case.")
    version: int = Field(ge=1, description="Schema version of ``data`` for this name.")
    id: UUID = Field(description="Unique message id; AMQP message_id; the de-duplication key.")
    occurred_at: UtcDatetime = Field(description="When the fact happened or the command was issued.")
    producer: str = Field(min_length=1, description="Service that produced it, e.g. 'dialer'.")
    data: dict[str, Any] = Field(
        default_factory=dict, description="The payload, as the class for (name, version)."
    )

    def to_json_bytes(self) -> bytes:
        return self.model_dump_json().encode()

    @classmethod
    def from_json_bytes(cls, body: bytes | str) -> "Envelope":
        return cls.model_validate_json(body)
