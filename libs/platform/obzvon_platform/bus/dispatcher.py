"""Typed dispatch: route an envelope to the handler registered for its message class."""

from collections.abc import Awaitable, Callable
from typing import Any, Generic, TypeVar

import structlog
from obzvon_events import Envelope, Message

log = structlog.get_logger(__name__)

ContextT = TypeVar("ContextT")
MessageT = TypeVar("MessageT", bound=Message)


class Dispatcher(Generic[ContextT]):
    """Maps message classes to ``async def handler(context, message)``.

    ``context`` is whatever the caller passes through — usually the ``AsyncSession`` of an idempotent
    consumer. Envelopes with no registered handler (another message on a wildcard binding, or a
    version this service does not read yet) are skipped and acknowledged.
    """

    def __init__(self) -> None:
        self._handlers: dict[
            tuple[str, int], tuple[type[Message], Callable[[ContextT, Any], Awaitable[None]]]
        ] = {}

    def on(
        self, message_class: type[MessageT], handler: Callable[[ContextT, MessageT], Awaitable[None]]
    ) -> None:
        key = (message_class.name, message_class.version)
        if key in self._handlers:
            raise ValueError(f"a handler for {key} is already registered")
        self._handlers[key] = (message_class, handler)

    @property
    def routing_keys(self) -> tuple[str, ...]:
        """The routing keys to bind the consumer's queue with."""
        return tuple(sorted({cls.routing_key for cls, _ in self._handlers.values()}))

    def handles(self, envelope: Envelope) -> bool:
        return (envelope.name, envelope.version) in self._handlers

    async def __call__(self, context: ContextT, envelope: Envelope) -> None:
        entry = self._handlers.get((envelope.name, envelope.version))
        if entry is None:
            log.debug("bus.skipped", message_name=envelope.name, version=envelope.version)
            return
        message_class, handler = entry
        await handler(context, message_class.from_envelope(envelope))
