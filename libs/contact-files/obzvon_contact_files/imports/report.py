"""The outcome of a base upload and its per-row error report (downloadable as CSV, F-35)."""

import csv
import io
import uuid
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any, TextIO

import asyncpg

from obzvon_contact_files.exports.safe_cells import csv_safe
from obzvon_contact_files.imports.errors import FileRejected, RowError
from obzvon_contact_files.imports.repository import stored_errors

ERROR_REPORT_HEADER = ("Строка", "Столбец", "Значение", "Код", "Ошибка", "Error", "Строка пропущена")


@dataclass
class ImportReport:
    """Counters are exact; ``errors`` holds at most ``UploadLimits.max_reported_errors`` entries.

    ``status`` is ``ready`` or ``failed``; a failed upload wrote nothing and carries ``file_error``.
    ``total_rows`` counts data rows read (blank rows included in ``empty_rows``).
    """

    status: str
    base_id: uuid.UUID | None = None
    total_rows: int = 0
    processed_rows: int = 0
    imported_rows: int = 0
    rejected_rows: int = 0
    duplicate_rows: int = 0
    blacklisted_rows: int = 0
    empty_rows: int = 0
    warnings: int = 0
    errors: list[RowError] = field(default_factory=list)
    errors_truncated: bool = False
    file_error: FileRejected | None = None
    mapping: dict[str, str] = field(default_factory=dict)
    elapsed_seconds: float = 0.0

    @property
    def ok(self) -> bool:
        return self.status == "ready"

    def counters(self) -> dict[str, Any]:
        return {
            "status": self.status,
            "total_rows": self.total_rows,
            "processed_rows": self.processed_rows,
            "imported_rows": self.imported_rows,
            "rejected_rows": self.rejected_rows,
            "duplicate_rows": self.duplicate_rows,
            "blacklisted_rows": self.blacklisted_rows,
            "empty_rows": self.empty_rows,
            "warnings": self.warnings,
        }

    def error_report_csv(self) -> str:
        return error_report_csv(self.errors)


def write_error_report(errors: Iterable[RowError], out: TextIO) -> None:
    """Write the per-row report as CSV (``;``, UTF-8); values are defused against formula injection."""
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow(ERROR_REPORT_HEADER)
    for error in errors:
        writer.writerow(
            [
                error.row,
                csv_safe(error.column),
                csv_safe(error.value),
                error.code,
                csv_safe(error.message_ru),
                csv_safe(error.message_en),
                "да" if error.rejected else "нет",
            ]
        )


def error_report_csv(errors: Iterable[RowError]) -> str:
    """The report as text; prepend a BOM (``"\\ufeff" + …``) when Excel on Windows is to open it."""
    out = io.StringIO()
    write_error_report(errors, out)
    return out.getvalue()


async def stored_error_report_csv(conn: asyncpg.Connection, base_id: uuid.UUID) -> str | None:
    """The per-row report of a finished upload, rebuilt from ``contact_bases.error_report`` (None when the
    base does not exist). A refused file has one entry with its ``code`` and messages."""
    entries = await stored_errors(conn, base_id)
    if entries is None:
        return None
    return error_report_csv(RowError.from_dict(entry) for entry in entries)
