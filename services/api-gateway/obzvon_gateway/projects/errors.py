"""Field validation errors collected into one problem+json 422 naming every bad field."""

from dataclasses import dataclass, field
from typing import Any

from obzvon_platform.problem import Problem


def field_problem(loc: str, code: str, ru: str, en: str) -> Problem:
    """A 422 about one field (`loc` is dotted, e.g. `attempts.retries.busy.intervals`)."""
    errors = FieldErrors()
    errors.add(loc, code, ru, en)
    return errors.problem()


@dataclass
class FieldErrors:
    items: list[tuple[str, str, str, str]] = field(default_factory=list)

    def add(self, loc: str, code: str, ru: str, en: str) -> None:
        self.items.append((loc, code, ru, en))

    def __bool__(self) -> bool:
        return bool(self.items)

    def problem(self) -> Problem:
        body: list[dict[str, Any]] = [
            {"loc": ["body", *loc.split(".")], "msg": en, "msg_ru": ru, "type": code}
            for loc, code, ru, en in self.items
        ]
        return Problem(
            422,
            self.items[0][1] if len(self.items) == 1 else "validation_error",
            "; ".join(ru for _, _, ru, _ in self.items),
            "; ".join(en for _, _, _, en in self.items),
            errors=body,
        )

    def raise_if_any(self) -> None:
        if self.items:
            raise self.problem()
