"""Reads extensions.conf into contexts → extensions → priorities, and checks jump targets."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from tests.asterisk.confparse import Conf

KNOWN_APPS = {
    "Answer", "AMD", "Dial", "Echo", "Goto", "GotoIf", "Hangup", "MixMonitor", "MusicOnHold",
    "NoOp", "Playback", "Return", "Set", "UserEvent", "Wait",
}  # fmt: skip
APP = re.compile(r"^(?P<app>[A-Za-z][A-Za-z0-9_]*)\((?P<data>.*)\)$|^(?P<bare>[A-Za-z][A-Za-z0-9_]*)$")
PRIORITY = re.compile(r"^(?P<priority>\d+|n)(?:\((?P<label>[A-Za-z0-9_-]+)\))?$")


@dataclass
class Step:
    app: str
    data: str
    label: str | None
    where: str


@dataclass
class Context:
    name: str
    extensions: dict[str, list[Step]] = field(default_factory=dict)
    includes: list[str] = field(default_factory=list)


def read_dialplan(conf: Conf) -> tuple[dict[str, Context], list[str]]:
    contexts: dict[str, Context] = {}
    errors: list[str] = []
    for section in conf.sections:
        if section.name in ("general", "globals"):
            continue
        context = contexts.setdefault(section.name, Context(section.name))
        last: str | None = None
        for item in section.items:
            if item.key == "include":
                context.includes.append(item.value)
                continue
            if item.key not in ("exten", "same") or item.op != "=>":
                errors.append(f"{item.where}: unexpected {item.key} {item.op}")
                continue
            parts = item.value.split(",", 2 if item.key == "exten" else 1)
            exten = parts.pop(0).strip() if item.key == "exten" else last
            if exten is None or len(parts) != 2:
                errors.append(f"{item.where}: malformed {item.key} line")
                continue
            match = PRIORITY.match(parts[0].strip())
            app = APP.match(parts[1].strip())
            if match is None or app is None:
                errors.append(f"{item.where}: malformed priority or application")
                continue
            steps = context.extensions.setdefault(exten, [])
            if item.key == "exten" and exten != last and steps:
                errors.append(f"{item.where}: extension {exten} is defined twice")
            priority, position = match.group("priority"), len(steps) + 1
            if priority not in (str(position), "n") or (priority == "n" and position == 1):
                errors.append(f"{item.where}: priority {priority} of {exten} should be {position} or n")
            name = app.group("app") or app.group("bare")
            steps.append(Step(name, app.group("data") or "", match.group("label"), item.where))
            last = exten
    return contexts, errors


def balanced(text: str) -> bool:
    """Parentheses, ${...} and $[...] nest properly (escaped characters are skipped)."""
    stack: list[str] = []
    pairs = {")": "(", "}": "{", "]": "["}
    index = 0
    while index < len(text):
        char = text[index]
        if char == "\\":
            index += 2
            continue
        if char in "({[":
            stack.append(char)
        elif char in pairs and (not stack or stack.pop() != pairs[char]):
            return False
        index += 1
    return not stack


def split_condition(data: str) -> tuple[str, str]:
    """`$[...]?a:b` → ("$[...]", "a:b"): the `?` after the balanced expression."""
    depth = 0
    for index, char in enumerate(data):
        if char in "[(":
            depth += 1
        elif char in "])":
            depth -= 1
        elif char == "?" and depth == 0:
            return data[:index], data[index + 1 :]
    return data, ""


def jump_targets(step: Step) -> list[str]:
    if step.app == "Goto":
        return [step.data]
    if step.app == "GotoIf":
        _, labels = split_condition(step.data)
        return [label for label in labels.split(":") if label]
    return []


def target_exists(contexts: dict[str, Context], context: str, exten: str, target: str) -> bool:
    parts = [part.strip() for part in target.split(",")]
    if len(parts) == 1:
        return any(step.label == parts[0] for step in contexts[context].extensions.get(exten, []))
    if len(parts) == 2:
        parts = [context, *parts]
    ctx, ext, priority = parts
    steps = contexts.get(ctx, Context(ctx)).extensions.get(ext, [])
    if priority.isdigit():
        return len(steps) >= int(priority)
    return any(step.label == priority for step in steps)
