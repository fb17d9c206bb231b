"""Errors of a base upload: one per file (the upload is refused) or one per row (the row is skipped)."""

from dataclasses import asdict, dataclass
from typing import Any


class FileRejected(Exception):
    """The whole file is refused; ``code`` is stable, the messages are for people."""

    def __init__(self, code: str, message_ru: str, message_en: str) -> None:
        super().__init__(message_en)
        self.code, self.message_ru, self.message_en = code, message_ru, message_en

    def as_dict(self) -> dict[str, str]:
        return {"code": self.code, "message_ru": self.message_ru, "message_en": self.message_en}


class MappingError(ValueError):
    """The column mapping cannot be applied to the file's columns."""

    def __init__(self, code: str, message_ru: str, message_en: str) -> None:
        super().__init__(message_en)
        self.code, self.message_ru, self.message_en = code, message_ru, message_en


@dataclass(frozen=True, slots=True)
class RowError:
    """A problem in one row: ``row`` is the spreadsheet row number (the header is row 1 or below).

    ``rejected`` rows are not imported; other entries are warnings (the row is imported without the
    bad value, for example an unreadable birth date).
    """

    row: int
    column: str
    value: str
    code: str
    message_ru: str
    message_en: str
    rejected: bool = True

    def as_dict(self) -> dict[str, Any]:
        """JSON form stored in ``contact_bases.error_report`` (``error`` is the Russian message)."""
        data = asdict(self)
        data["error"] = self.message_ru
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "RowError":
        return cls(
            row=int(data.get("row", 0)),
            column=str(data.get("column", "")),
            value=str(data.get("value", "")),
            code=str(data.get("code", "")),
            message_ru=str(data.get("message_ru") or data.get("error", "")),
            message_en=str(data.get("message_en", "")),
            rejected=bool(data.get("rejected", True)),
        )
