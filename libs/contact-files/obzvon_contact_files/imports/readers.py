"""Opening a checked upload as a :class:`~obzvon_contact_files.imports.table.Table`."""

from pathlib import Path

from obzvon_contact_files.imports.csv_reader import open_csv
from obzvon_contact_files.imports.limits import UploadLimits
from obzvon_contact_files.imports.table import Table
from obzvon_contact_files.imports.upload_safety import FileKind
from obzvon_contact_files.imports.xlsx_reader import open_xlsx


def open_table(path: Path, kind: FileKind, limits: UploadLimits) -> Table:
    """Read the header of a file that passed :func:`~obzvon_contact_files.imports.upload_safety.check_upload`;
    the data rows are read lazily while importing."""
    return open_xlsx(path, limits) if kind == "xlsx" else open_csv(path, limits)
