"""Base classes for typed message payloads: events (facts) and commands (requests to one service)."""

import re
from datetime import datetime
from typing import Any, ClassVar, Self
from uuid import UUID, uuid4

from pydantic import BaseModel, ConfigDict

from obzvon_events import registry
from obzvon_events.envelope import Envelope
from obzvon_events.types import utc_now

NAME_RE = re.compile(r"^[a-z][a-z0-9]*(_[a-z0-9]+)*$")
SEGMENT = r"[a-z][a-z0-9_]*"
EVENT_ROUTING_KEY_RE = re.compile(rf"^{SEGMENT}\.{SEGMENT}\.{SEGMENT}$")
COMMAND_ROUTING_KEY_RE = re.compile(rf"^command\.{SEGMENT}\.{SEGMENT}$")
RESERVED_FIELDS = frozenset({"name", "version", "routing_key", "produced_by", "message_kind"})


class Message(BaseModel):
    """A typed payload that travels in an :class:`Envelope`.

    Concrete classes set ``name``, ``version``, ``routing_key`` and ``produced_by`` in their body and
    carry a docstring saying when the message is sent; they register themselves on definition.
    Fields are only ever added (with defaults). A breaking change is a new class with ``version + 1``.
    Unknown fields from newer producers are ignored by older consumers.
    """

    model_config = ConfigDict(frozen=True, extra="ignore")

    name: ClassVar[str]
    version: ClassVar[int]
    routing_key: ClassVar[str]
    produced_by: ClassVar[str]
    message_kind: ClassVar[str] = "message"

    @classmethod
    def __pydantic_init_subclass__(cls, **kwargs: Any) -> None:
        super().__pydantic_init_subclass__(**kwargs)
        if "name" not in cls.__dict__:
            return  # an abstract base such as Event or Command
        _check_definition(cls)
        registry.register(cls)

    def to_envelope(
        self, producer: str, *, id: UUID | None = None, occurred_at: datetime | None = None
    ) -> Envelope:
        """Wrap the payload for the bus; ``id`` defaults to a fresh UUID, ``occurred_at`` to now (UTC)."""
        return Envelope(
            name=self.name,
            version=self.version,
            id=id or uuid4(),
            occurred_at=occurred_at or utc_now(),
            producer=producer,
            data=self.model_dump(mode="json"),
        )

    @classmethod
    def from_envelope(cls, envelope: Envelope) -> Self:
        """Validate an envelope's data as this class; the name and version must match."""
        if (envelope.name, envelope.version) != (cls.name, cls.version):
            raise ValueError(
                f"envelope {envelope.name!r} v{envelope.version} is not {cls.name!r} v{cls.version}"
            )
        return cls.model_validate(envelope.data)


class Event(Message):
    """A fact that already happened (committed), named in the past tense; any service may subscribe."""

    message_kind: ClassVar[str] = "event"


class Command(Message):
    """A request addressed to exactly one service; its routing key is ``command.<service>.<verb>``."""

    message_kind: ClassVar[str] = "command"

    @classmethod
    def target_service(cls) -> str:
        return cls.routing_key.split(".")[1]


def parse(envelope: Envelope) -> Message:
    """Turn an envelope into its typed message; raises ``UnknownEventError`` for an unknown name/version."""
    cls = registry.lookup(envelope.name, envelope.version)
    return cls.model_validate(envelope.data)


def _check_definition(cls: type[Message]) -> None:
    where = f"{cls.__module__}.{cls.__qualname__}"
    for attr in ("version", "routing_key", "produced_by"):
        if attr not in cls.__dict__:
            raise TypeError(f"{where} must set {attr!r}")
    if not NAME_RE.match(cls.name):
        raise TypeError(f"{where}: name {cls.name!r} must be snake_case")
    if not isinstance(cls.version, int) or cls.version < 1:
        raise TypeError(f"{where}: version must be a positive integer")
    if cls.message_kind not in ("event", "command"):
        raise TypeError(f"{where} must derive from Event or Command")
    pattern = COMMAND_ROUTING_KEY_RE if cls.message_kind == "command" else EVENT_ROUTING_KEY_RE
    if not pattern.match(cls.routing_key):
        raise TypeError(f"{where}: routing key {cls.routing_key!r} must match {pattern.pattern}")
    if cls.message_kind == "event" and cls.routing_key.startswith("command."):
        raise TypeError(f"{where}: events must not use the command.* routing keys")
    if not (cls.__dict__.get("__doc__") or "").strip():
        raise TypeError(f"{where} needs a docstring saying when it is sent")
    clash = RESERVED_FIELDS & set(cls.model_fields)
    if clash:
        raise TypeError(f"{where}: fields {sorted(clash)} clash with class attributes")
