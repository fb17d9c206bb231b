"""Event classes (manager.c `perms[]`) and the event mask of a session."""

from __future__ import annotations

CLASSES = (
    "system",
    "call",
    "log",
    "verbose",
    "command",
    "agent",
    "user",
    "config",
    "dtmf",
    "reporting",
    "cdr",
    "dialplan",
    "originate",
    "agi",
    "cc",
    "aoc",
    "test",
    "security",
    "message",
)
ALL = frozenset(CLASSES)
TRUE_WORDS = {"yes", "true", "y", "t", "1", "on"}
FALSE_WORDS = {"no", "false", "n", "f", "0", "off"}


def parse_mask(text: str) -> frozenset[str] | None:
    """`Events:` / `EventMask:` value → set of classes; None when the value is invalid.

    `on` (and other true words) means every class, `off` means none, otherwise a comma list.
    """
    value = text.strip().lower()
    if value in TRUE_WORDS:
        return ALL
    if value in FALSE_WORDS:
        return frozenset()
    parts = {part.strip() for part in value.split(",") if part.strip()}
    if "all" in parts:
        return ALL
    known = parts & ALL
    if not known:
        return None
    return frozenset(known)


def privilege(category: str) -> str:
    """The `Privilege:` header of an event of one class."""
    return f"{category},all"
