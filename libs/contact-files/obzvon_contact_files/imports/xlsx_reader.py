"""Reading .xlsx with python-calamine (Rust, streaming ``iter_rows``; no XML entity expansion).

The first worksheet that has data is read; numeric cells come back as floats (``79161234567.0``) and
dates as ``date``/``datetime``, which the row processor handles.
"""

from collections.abc import Iterator
from pathlib import Path

import python_calamine as calamine

from obzvon_contact_files.imports.errors import FileRejected
from obzvon_contact_files.imports.limits import UploadLimits
from obzvon_contact_files.imports.table import Row, Table, start_table


def _unreadable(exc: BaseException) -> FileRejected:
    return FileRejected(
        "unreadable",
        "Не удалось прочитать книгу Excel: файл повреждён",
        f"The workbook could not be read: {type(exc).__name__}",
    )


def _guarded(rows: Iterator[Row]) -> Iterator[Row]:
    """Turn reader failures in the middle of the sheet into a clean per-file error."""
    try:
        yield from rows
    except Exception as exc:
        raise _unreadable(exc) from exc


def open_xlsx(path: Path, limits: UploadLimits) -> Table:
    try:
        workbook = calamine.CalamineWorkbook.from_path(str(path))
        sheet = None
        for index, meta in enumerate(workbook.sheets_metadata):
            if str(meta.typ).endswith("WorkSheet"):
                candidate = workbook.get_sheet_by_index(index)
                if candidate.height > 0:
                    sheet = candidate
                    break
    except Exception as exc:
        raise _unreadable(exc) from exc
    if sheet is None:
        raise FileRejected("no_header", "В книге нет листа с данными", "The workbook has no sheet with data")
    if sheet.width > limits.max_columns:
        raise FileRejected(
            "too_many_columns",
            f"В файле больше {limits.max_columns} столбцов",
            f"The file has more than {limits.max_columns} columns",
        )
    # iter_rows starts at row 1 (leading empty rows are yielded blank), so row numbers are absolute.
    return start_table(_guarded(iter(sheet.iter_rows())), sheet.total_height, limits)
