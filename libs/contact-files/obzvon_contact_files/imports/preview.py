"""What the mapping dialog shows of an upload (F-30): its kind, header labels, suggested mapping and
the first rows, read after the same safety checks as the import."""

from dataclasses import dataclass
from itertools import islice
from pathlib import Path

from obzvon_contact_files.imports.cells import text_of
from obzvon_contact_files.imports.limits import DEFAULT_LIMITS, UploadLimits
from obzvon_contact_files.imports.mapping import suggest_mapping
from obzvon_contact_files.imports.readers import open_table
from obzvon_contact_files.imports.upload_safety import FileKind, check_upload

PREVIEW_CELL_CHARS = 200


@dataclass(frozen=True, slots=True)
class UploadPreview:
    """``rows`` are the first data rows as text (None for an empty cell), one cell per header label;
    ``total_rows`` counts the data rows (an estimate for CSV)."""

    kind: FileKind
    header: list[str]
    mapping: dict[str, str]
    rows: list[list[str | None]]
    total_rows: int


def preview_upload(
    path: Path, filename: str, *, limits: UploadLimits = DEFAULT_LIMITS, rows: int = 5
) -> UploadPreview:
    """Check and open the stored upload; raises :class:`FileRejected` like ``import_base`` would.
    Blocking (it reads the file): call it in a worker thread."""
    kind = check_upload(path, filename, limits)
    table = open_table(path, kind, limits)
    width = len(table.header)
    shown: list[list[str | None]] = []
    for _row_no, cells in islice(table.rows, rows):
        padded = [*cells[:width], *([None] * max(width - len(cells), 0))]
        shown.append([text_of(cell, PREVIEW_CELL_CHARS) for cell in padded])
    return UploadPreview(kind, table.header, suggest_mapping(table.header), shown, table.total)
