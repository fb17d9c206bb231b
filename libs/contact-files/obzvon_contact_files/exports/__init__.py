"""Contact exports (F-34): unanswered and not-yet-called contacts as CSV and XLSX, safe against
formula injection.

- :func:`export_contacts_csv(conn, out, project_id=, kind=, base_id=None)` — PostgreSQL COPY to a
  binary stream (``;``, UTF-8 with BOM), cells starting with ``= + - @ \\t \\r`` prefixed with ``'``.
- :func:`export_contacts_xlsx(conn, out, project_id=, kind=, base_id=None)` — xlsxwriter
  ``constant_memory``, every text cell written as a string (never a formula).
- :class:`ExportKind` — ``unanswered`` or ``not_called``; :mod:`.selection` lists the statuses.
- :func:`csv_safe` — the same defence for any CSV the product writes.

``conn`` is an asyncpg connection.
"""

from obzvon_contact_files.exports.csv_export import export_contacts_csv
from obzvon_contact_files.exports.safe_cells import csv_safe
from obzvon_contact_files.exports.selection import ExportKind
from obzvon_contact_files.exports.xlsx_export import export_contacts_xlsx

__all__ = ["ExportKind", "csv_safe", "export_contacts_csv", "export_contacts_xlsx"]
