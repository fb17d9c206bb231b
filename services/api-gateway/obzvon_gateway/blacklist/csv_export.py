"""CSV of the blacklist that spreadsheets cannot run as formulas (CWE-1236; ASVS 1.2.10)."""

import csv
import io
from collections.abc import Iterable

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\0")
HEADER = ("phone", "comment", "created_at")


def safe_cell(value: object) -> str:
    """Text of a cell; a leading `'` when it would start a formula."""
    text = "" if value is None else str(value)
    return f"'{text}" if text.startswith(FORMULA_STARTS) else text


def render(rows: Iterable[tuple[object, ...]]) -> str:
    """RFC 4180 CSV (quoted when needed, CRLF) with a BOM for spreadsheet programs."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(HEADER)
    for row in rows:
        writer.writerow([safe_cell(cell) for cell in row])
    return "\ufeff" + buffer.getvalue()
