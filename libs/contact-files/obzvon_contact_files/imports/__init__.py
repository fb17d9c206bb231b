"""Contact base uploads (F-30, F-31, F-32, F-35).

Entry point::

    report = await import_base(
        db,                       # asyncpg.Connection, SQLAlchemy AsyncEngine, or an AsyncConnection
                                  # that is not inside a transaction
        project_id=project_id,
        path=Path("/var/lib/obzvon/uploads/<uuid>"),   # the stored upload, never the user's name
        filename="база.xlsx",     # the user's file name: only its extension is used (.xlsx/.csv)
        base_id=None,             # an existing ContactBase row of the project (status moves to
                                  # ready/failed), or None to create one named base_name
        base_name="База май",     # default: the file name without extension
        mapping={"Телефон": "phone", "ФИО": "full_name", "Источник": "custom:source", "Лишнее": "ignore"},
                                  # None: suggest_mapping() from the headers
        tags=["Май"],             # tags for the base and each imported contact (created if missing)
        dedupe=True,              # duplicates are always skipped (phones are unique per project);
                                  # False also lists each skipped duplicate in the row report
        remove_blacklisted=True,  # False: blacklisted numbers are imported with status "blacklisted"
        numbering_index=index,    # NumberingIndex for region / timezone / carrier, or None
        progress=callback,        # called with ImportProgress(processed, total) after each chunk;
                                  # may be async; raising from it aborts the import
    )

The upload is checked before parsing (:mod:`.upload_safety`: size, zip magic and directory, zip-bomb
ratio, member names, macros). Problems with the whole file come back as ``report.status == "failed"``
with ``report.file_error`` (:class:`FileRejected`: ``code``, ``message_ru``, ``message_en``); nothing
is written then. Each rejected row is a :class:`RowError` (row number, column, value, code, messages)
in ``report.errors``; ``report.error_report_csv()`` is the downloadable report, and
:func:`stored_error_report_csv(conn, base_id)` rebuilds it from ``contact_bases.error_report``.

Everything is written in one transaction: the base row, tags, and the contacts (COPY into a staging
table, then ``INSERT … ON CONFLICT DO NOTHING``), so a failure leaves nothing half-written.
A :class:`MappingError` or :class:`FileRejected` never escapes ``import_base``; database errors
and exceptions from ``progress`` do, after the rollback (an existing base is marked failed).

Also here: :func:`preview_upload` (kind, header, suggested mapping and first rows of a stored upload),
:func:`suggest_mapping` / :func:`resolve_mapping` for the mapping dialog, and :func:`base_statistics` /
:func:`statistics_by_base` (F-33).
"""

from obzvon_contact_files.imports.errors import FileRejected, MappingError, RowError
from obzvon_contact_files.imports.limits import DEFAULT_LIMITS, UploadLimits
from obzvon_contact_files.imports.mapping import FIELDS, IGNORE, resolve_mapping, suggest_mapping
from obzvon_contact_files.imports.preview import UploadPreview, preview_upload
from obzvon_contact_files.imports.report import (
    ImportReport,
    error_report_csv,
    stored_error_report_csv,
    write_error_report,
)
from obzvon_contact_files.imports.service import ImportProgress, import_base
from obzvon_contact_files.imports.stats import BaseStatistics, base_statistics, statistics_by_base

__all__ = [
    "DEFAULT_LIMITS",
    "FIELDS",
    "IGNORE",
    "BaseStatistics",
    "FileRejected",
    "ImportProgress",
    "ImportReport",
    "MappingError",
    "RowError",
    "UploadLimits",
    "UploadPreview",
    "base_statistics",
    "error_report_csv",
    "import_base",
    "preview_upload",
    "resolve_mapping",
    "statistics_by_base",
    "stored_error_report_csv",
    "suggest_mapping",
    "write_error_report",
]
