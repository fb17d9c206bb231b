"""Formula-injection defence for exported cells (CWE-1236, OWASP ASVS 1.2.10).

A spreadsheet treats a cell that starts with ``= + - @`` (or a tab / carriage return / NUL) as a
formula. CSV cells that start so get a leading apostrophe; XLSX cells are written as strings with
``write_string`` so they are never formulas. Phones are exported as digits without ``+``.
"""

FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r", "\x00")

#: The same rule as a SQL expression template for ``COPY (SELECT …) TO STDOUT`` exports.
SQL_SAFE_TEXT = "CASE WHEN {col} ~ '^[=+@\\t\\r-]' THEN '''' || {col} ELSE {col} END"


def csv_safe(value: object) -> str:
    """The text of ``value`` for a CSV cell, defused when it could start a formula."""
    if value is None:
        return ""
    text = value if isinstance(value, str) else str(value)
    if text.startswith(FORMULA_TRIGGERS):
        return "'" + text
    return text
