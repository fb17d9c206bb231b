"""Obzvon event schemas: the envelope, typed events and commands, and their registry.

Importing the package registers every message class.
"""

from obzvon_events import bases, calls, cards, commands, notifications, operators, pbx, users
from obzvon_events.base import Command, Event, Message, parse
from obzvon_events.envelope import Envelope
from obzvon_events.registry import UnknownEventError, is_registered, lookup, registered

__all__ = [
    "Command",
    "Envelope",
    "Event",
    "Message",
    "UnknownEventError",
    "bases",
    "calls",
    "cards",
    "commands",
    "is_registered",
    "lookup",
    "notifications",
    "operators",
    "parse",
    "pbx",
    "registered",
    "users",
]
