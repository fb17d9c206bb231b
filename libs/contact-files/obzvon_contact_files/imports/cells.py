"""Cell values from calamine/csv → card field values.

Text is stripped, NUL characters (refused by PostgreSQL) are removed and long cells are cut; numbers
that are whole print without ``.0``; dates print as ``ДД.ММ.ГГГГ``. Birth dates accept date cells and
the usual written forms (``31.12.1980``, ``1980-12-31``, ``31/12/1980``, ``31-12-1980``).
"""

import datetime as dt
import math

_DATE_FORMATS = ("%d.%m.%Y", "%Y-%m-%d", "%d/%m/%Y", "%d-%m-%Y", "%d.%m.%y", "%Y.%m.%d")
_MIN_BIRTH_YEAR = 1900


def text_of(cell: object, max_chars: int) -> str | None:
    """The cell as trimmed text, or None when it is empty."""
    if cell is None or cell == "":
        return None
    if type(cell) is str:
        text = cell.strip()
    elif isinstance(cell, bool):
        text = "да" if cell else "нет"
    elif isinstance(cell, float):
        if math.isnan(cell) or math.isinf(cell):
            return None
        text = str(int(cell)) if cell.is_integer() and abs(cell) < 1e16 else repr(cell)
    elif isinstance(cell, dt.datetime):
        text = (
            cell.strftime("%d.%m.%Y %H:%M")
            if (cell.hour, cell.minute) != (0, 0)
            else cell.strftime("%d.%m.%Y")
        )
    elif isinstance(cell, dt.date):
        text = cell.strftime("%d.%m.%Y")
    else:
        text = str(cell).strip()
    if "\x00" in text:
        text = text.replace("\x00", "")
    if not text:
        return None
    return text[:max_chars]


def birth_date_of(cell: object, today: dt.date) -> dt.date | None:
    """A plausible birth date, or None when the cell cannot be read as one (raises ValueError)."""
    if cell is None or cell == "":
        return None
    if isinstance(cell, dt.datetime):
        value = cell.date()
    elif isinstance(cell, dt.date):
        value = cell
    elif isinstance(cell, str):
        value = _parse_date(cell.strip())
    else:
        raise ValueError("not a date")
    if not (value.year >= _MIN_BIRTH_YEAR and value <= today):
        raise ValueError("implausible birth date")
    return value


def _parse_date(text: str) -> dt.date:
    text = text.split(" ")[0]
    for fmt in _DATE_FORMATS:
        try:
            return dt.datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    raise ValueError("unknown date format")
