"""The registry of message classes: ``(name, version) → class``."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from obzvon_events.base import Message


class UnknownEventError(LookupError):
    """No schema is registered for an envelope's ``(name, version)``."""

    def __init__(self, name: str, version: int) -> None:
        super().__init__(f"unknown message {name!r} version {version}")
        self.name = name
        self.version = version


_REGISTRY: dict[tuple[str, int], type[Message]] = {}


def register(cls: type[Message]) -> None:
    key = (cls.name, cls.version)
    existing = _REGISTRY.get(key)
    if existing is not None and existing is not cls:
        raise ValueError(
            f"{key} is already registered by {existing.__module__}.{existing.__qualname__}; "
            "a changed schema needs a new version"
        )
    _REGISTRY[key] = cls


def lookup(name: str, version: int) -> type[Message]:
    try:
        return _REGISTRY[(name, version)]
    except KeyError:
        raise UnknownEventError(name, version) from None


def is_registered(name: str, version: int) -> bool:
    return (name, version) in _REGISTRY


def registered() -> list[type[Message]]:
    """Every registered class, ordered by routing key, name and version."""
    return sorted(_REGISTRY.values(), key=lambda cls: (cls.routing_key, cls.name, cls.version))
