"""One data row → one staging record (or a per-row error): normalise, dedupe, blacklist, enrich.

Hot path of the import: plain Python over the row's cells, no per-row allocation beyond the record.
"""

import datetime as dt
from dataclasses import dataclass, field
from json.encoder import encode_basestring

from obzvon_db.enums import ContactStatus
from obzvon_numbering import NumberingIndex, PhoneError, PhoneErrorCode, normalize_phone

from obzvon_contact_files.imports.cells import birth_date_of, text_of
from obzvon_contact_files.imports.errors import RowError
from obzvon_contact_files.imports.limits import UploadLimits
from obzvon_contact_files.imports.mapping import TEXT_FIELDS, ResolvedMapping
from obzvon_contact_files.imports.table import Row, is_blank

#: Columns of the staging table, in the order of the records built here.
STAGING_COLUMNS: tuple[str, ...] = (
    "row_no",
    "phone",
    *TEXT_FIELDS,
    "birth_date",
    "custom_fields",
    "region",
    "timezone",
    "carrier",
    "status",
)
StagingRecord = tuple[object, ...]
_SHOWN_VALUE_CHARS = 200
_NEW = ContactStatus.NEW.value
_BLACKLISTED = ContactStatus.BLACKLISTED.value


@dataclass
class RowCounters:
    """Exact counts over the whole file (the error list itself may be capped)."""

    processed: int = 0
    accepted: int = 0
    rejected: int = 0
    duplicates: int = 0
    blacklisted: int = 0
    empty: int = 0
    warnings: int = 0
    errors: list[RowError] = field(default_factory=list)
    errors_truncated: bool = False


class RowProcessor:
    """Turns rows into staging records; remembers the numbers seen to drop in-file duplicates."""

    def __init__(
        self,
        mapping: ResolvedMapping,
        *,
        numbering_index: NumberingIndex | None,
        blacklist: set[str],
        remove_blacklisted: bool,
        report_duplicates: bool,
        limits: UploadLimits,
        today: dt.date | None = None,
    ) -> None:
        self._mapping = mapping
        self._phone = mapping.phone_index
        self.phone_label = mapping.labels[self._phone]
        self._texts = [mapping.fields.get(name, -1) for name in TEXT_FIELDS]
        self._birth = mapping.fields.get("birth_date", -1)
        # Custom fields as JSON text built directly (json.dumps per row costs a fifth of the row's time);
        # encode_basestring escapes exactly as json.dumps(..., ensure_ascii=False) does.
        self._custom = [(encode_basestring(key) + ": ", index) for key, index in mapping.custom]
        self._index = numbering_index
        self._blacklist = blacklist
        self._remove_blacklisted = remove_blacklisted
        self._report_duplicates = report_duplicates
        self._limits = limits
        self._max_chars = limits.max_cell_chars
        self._today = today or dt.date.today()
        self._first_row: dict[str, int] = {}
        self.counters = RowCounters()

    def _error(
        self, row_no: int, index: int, cell: object, code: str, ru: str, en: str, rejected: bool
    ) -> None:
        counters = self.counters
        if len(counters.errors) >= self._limits.max_reported_errors:
            counters.errors_truncated = True
            return
        shown = text_of(cell, _SHOWN_VALUE_CHARS) or ""
        counters.errors.append(RowError(row_no, self._mapping.labels[index], shown, code, ru, en, rejected))

    def process(self, row_no: int, cells: Row) -> StagingRecord | None:
        """The staging record of a row, or None when the row is skipped (error, duplicate, blank…)."""
        width = len(cells)
        raw = cells[self._phone] if self._phone < width else None
        phone = normalize_phone(raw)
        counters = self.counters
        if type(phone) is not str:
            assert isinstance(phone, PhoneError)
            if phone.code is PhoneErrorCode.EMPTY and is_blank(cells):
                counters.empty += 1
                return None
            counters.processed += 1
            counters.rejected += 1
            self._error(row_no, self._phone, raw, phone.code.value, phone.message_ru, phone.message_en, True)
            return None
        counters.processed += 1
        first = self._first_row.get(phone)
        if first is not None:
            counters.duplicates += 1
            if self._report_duplicates:
                self._error(
                    row_no,
                    self._phone,
                    raw,
                    "duplicate",
                    f"Номер уже есть в файле, строка {first}",
                    f"The number is already in the file, row {first}",
                    True,
                )
            return None
        self._first_row[phone] = row_no
        status = _NEW
        if phone in self._blacklist:
            counters.blacklisted += 1
            if self._remove_blacklisted:
                return None
            status = _BLACKLISTED
        max_chars = self._max_chars
        texts = [text_of(cells[i], max_chars) if 0 <= i < width else None for i in self._texts]
        birth = self._birth_date(row_no, cells[self._birth]) if 0 <= self._birth < width else None
        custom = "{}"
        if self._custom:
            pairs = [
                key + encode_basestring(value)
                for key, i in self._custom
                if i < width and (value := text_of(cells[i], max_chars)) is not None
            ]
            if pairs:
                custom = "{" + ", ".join(pairs) + "}"
        info = self._index.lookup(phone) if self._index is not None else None
        counters.accepted += 1
        if info is None:
            return (row_no, phone, *texts, birth, custom, None, None, None, status)
        return (row_no, phone, *texts, birth, custom, info.region, info.timezone, info.carrier, status)

    def _birth_date(self, row_no: int, cell: object) -> dt.date | None:
        try:
            return birth_date_of(cell, self._today)
        except (ValueError, OverflowError):
            self.counters.warnings += 1
            self._error(
                row_no,
                self._birth,
                cell,
                "invalid_birth_date",
                "Дата рождения не распознана, поле оставлено пустым",
                "The birth date could not be read; the field is left empty",
                False,
            )
            return None
