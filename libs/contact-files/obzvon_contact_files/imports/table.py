"""A file as a table: unique header labels, then data rows with their spreadsheet row numbers."""

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from obzvon_contact_files.imports.errors import FileRejected
from obzvon_contact_files.imports.limits import UploadLimits

_SPACES = re.compile(r"\s+")

#: One row's cells as a reader yields them (read only).
Row = Sequence[object]


@dataclass(slots=True)
class Table:
    """``header`` labels are unique (a repeated label gets `` (2)``); ``rows`` yields
    ``(row_number, cells)`` for each data row; ``total`` is the number of data rows (for progress)."""

    header: list[str]
    rows: Iterator[tuple[int, Row]]
    total: int


def header_labels(cells: Row) -> list[str]:
    """Readable, unique labels: empty headers become ``Столбец N``; labels that differ only in case or
    spaces are told apart by a suffix, so a mapping can name each column."""
    labels: list[str] = []
    seen: set[str] = set()
    for position, cell in enumerate(cells, start=1):
        label = _SPACES.sub(" ", str(cell if cell is not None else "").replace("\x00", "")).strip()[:200]
        label = label or f"Столбец {position}"
        key, number = label.casefold(), 1
        while key in seen:
            number += 1
            key = f"{label} ({number})".casefold()
        seen.add(key)
        labels.append(label if number == 1 else f"{label} ({number})")
    return labels


def is_blank(cells: Row) -> bool:
    return all(cell is None or cell == "" for cell in cells)


def start_table(rows: Iterator[Row], total_rows: int, limits: UploadLimits, first_row: int = 1) -> Table:
    """Find the header (the first non-blank row) and return the rest as data rows."""
    number = first_row - 1
    for cells in rows:
        number += 1
        if is_blank(cells):
            continue
        if len(cells) > limits.max_columns:
            raise FileRejected(
                "too_many_columns",
                f"В файле больше {limits.max_columns} столбцов",
                f"The file has more than {limits.max_columns} columns",
            )
        if total_rows > limits.max_rows:
            raise FileRejected(
                "too_many_rows",
                f"В файле больше {limits.max_rows} строк",
                f"The file has more than {limits.max_rows} rows",
            )
        return Table(header_labels(cells), _numbered(rows, number), max(total_rows - number, 0))
    raise FileRejected("no_header", "В файле нет данных", "The file has no data")


def _numbered(rows: Iterator[Row], header_row: int) -> Iterator[tuple[int, Row]]:
    return enumerate(rows, start=header_row + 1)
