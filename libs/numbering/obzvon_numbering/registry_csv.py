"""Reading the registry files «Российская система и план нумерации» (ABC-3xx/4xx/8xx, DEF-9xx .csv).

Format (2026): UTF-8 with BOM, ``;``-separated, header
``АВС/ DEF;От;До;Емкость;Оператор;Регион;Территория ГАР;ИНН``; ``От``/``До`` are 7-digit inclusive
tails (a number = code·10⁷ + tail). Older files have 6 or 7 columns (no ``ИНН``, no ``Территория ГАР``)
and legacy copies are windows-1251, so columns are found by header name and the encoding is detected.
"""

import csv
import io
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from obzvon_numbering import carriers, regions

TAIL_SPAN = 10_000_000

#: Column → words its header may be (compared lower-cased, without spaces, ё → е).
_HEADERS: dict[str, tuple[str, ...]] = {
    "code": ("авс/def", "abc/def", "def", "авс", "abc", "код"),
    "from": ("от",),
    "to": ("до",),
    "capacity": ("емкость",),
    "carrier": ("оператор",),
    "region": ("регион",),
    "territory": ("территориягар", "гар"),
    "inn": ("инн",),
}
_REQUIRED = ("code", "from", "to", "carrier")


class RegistryFormatError(ValueError):
    """A registry file that cannot be used (missing columns, overlapping ranges…)."""


@dataclass(frozen=True, slots=True)
class RegistryRow:
    """One line of a registry file, as written."""

    code: int
    range_from: int
    range_to: int
    carrier: str
    inn: str | None
    region: str | None
    territory: str | None


@dataclass(frozen=True, slots=True)
class NumberingRecord:
    """A resolved range, ready for the ``numbering_ranges`` table (10-digit national numbers)."""

    code: int
    range_from: int
    range_to: int
    carrier: str
    inn: str | None
    region: str | None
    territory: str | None
    timezone: str | None


def _header_key(text: str) -> str:
    return text.strip().lstrip("\ufeff").lower().replace(" ", "").replace("ё", "е")


def _columns(header: list[str], source: str) -> dict[str, int]:
    keys = [_header_key(name) for name in header]
    found: dict[str, int] = {}
    for column, names in _HEADERS.items():
        for index, key in enumerate(keys):
            if key in names:
                found[column] = index
                break
    missing = [column for column in _REQUIRED if column not in found]
    if missing:
        raise RegistryFormatError(f"{source}: no column for {', '.join(missing)} in header {header!r}")
    return found


def _decode(raw: bytes) -> str:
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        return raw.decode("cp1251")


def read_registry_file(path: Path) -> list[RegistryRow]:
    """Every range of one registry file; raises :class:`RegistryFormatError` on a bad file."""
    reader = csv.reader(io.StringIO(_decode(path.read_bytes()), newline=""), delimiter=";")
    header = next(reader, None)
    if not header:
        raise RegistryFormatError(f"{path}: the file is empty")
    cols = _columns(header, str(path))

    def cell(row: list[str], column: str) -> str | None:
        index = cols.get(column)
        if index is None or index >= len(row):
            return None
        value = row[index].strip()
        return value if value and value != "-" else None

    rows: list[RegistryRow] = []
    for line_no, row in enumerate(reader, start=2):
        if not any(part.strip() for part in row):
            continue
        try:
            code, start, end = (int(cell(row, name) or "") for name in ("code", "from", "to"))
        except ValueError as exc:
            raise RegistryFormatError(f"{path}:{line_no}: bad number in {row!r}") from exc
        capacity = cell(row, "capacity")
        if not (100 <= code <= 999 and 0 <= start <= end < TAIL_SPAN) or (
            capacity is not None and capacity.isdigit() and int(capacity) != end - start + 1
        ):
            raise RegistryFormatError(f"{path}:{line_no}: inconsistent range {row!r}")
        rows.append(
            RegistryRow(
                code=code,
                range_from=code * TAIL_SPAN + start,
                range_to=code * TAIL_SPAN + end,
                carrier=cell(row, "carrier") or "",
                inn=cell(row, "inn"),
                region=cell(row, "region"),
                territory=cell(row, "territory"),
            )
        )
    return rows


def resolve(rows: Iterable[RegistryRow], zones: dict[str, str]) -> list[NumberingRecord]:
    """Subjects, display regions, zones and canonical carriers; sorted, checked for overlaps."""
    ordered = sorted(rows, key=lambda row: row.range_from)
    names = carriers.canonical_names((row.inn, row.carrier) for row in ordered)
    records: list[NumberingRecord] = []
    previous: RegistryRow | None = None
    for row in ordered:
        if previous is not None and row.range_from <= previous.range_to:
            raise RegistryFormatError(
                f"overlapping ranges: {previous.range_from}–{previous.range_to} and "
                f"{row.range_from}–{row.range_to}"
            )
        previous = row
        if row.territory:
            subjects = regions.subjects_from_gar(row.territory)
        else:
            subjects = regions.subjects_from_region_text(row.region or "", zones)
        region = regions.display_region(subjects) or row.region
        records.append(
            NumberingRecord(
                code=row.code,
                range_from=row.range_from,
                range_to=row.range_to,
                carrier=names[carriers.carrier_key(row.inn, row.carrier)],
                inn=row.inn,
                region=region,
                territory=row.territory,
                timezone=regions.zone_of(subjects, zones),
            )
        )
    return records


def load_records(paths: Iterable[Path], zone_table: Path) -> list[NumberingRecord]:
    """Read and resolve several registry files together (carrier names are chosen over all of them)."""
    zones = regions.read_zone_table(zone_table)
    rows: list[RegistryRow] = []
    for path in paths:
        rows.extend(read_registry_file(path))
    return resolve(rows, zones)
