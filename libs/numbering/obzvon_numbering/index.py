"""In-memory numbering index: number → region, IANA zone, carrier in about a microsecond.

Ranges do not overlap, so a lookup is one ``bisect`` over the sorted range starts and a check of the
range end. Build it from the ``numbering_ranges`` table (:func:`obzvon_numbering.store.load_index`) or
straight from the registry files (:meth:`NumberingIndex.from_files`).
"""

from bisect import bisect_right
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from obzvon_numbering.regions import utc_offset
from obzvon_numbering.registry_csv import NumberingRecord, load_records

_RUSSIAN_LENGTH = 11


@dataclass(frozen=True, slots=True)
class NumberInfo:
    """What the registry says about a number's range. ``carrier`` is the range holder."""

    region: str | None
    timezone: str | None
    carrier: str
    inn: str | None
    territory: str | None

    def as_json(self, number: str) -> dict[str, object]:
        """The ``obzvon numbering lookup`` answer for ``number``."""
        return {
            "number": number,
            "found": True,
            "region": self.region,
            "timezone": self.timezone,
            "utc_offset": utc_offset(self.timezone) if self.timezone else None,
            "carrier": self.carrier,
            "inn": self.inn,
        }


class NumberingIndex:
    """Sorted, non-overlapping ranges of 10-digit national numbers with their :class:`NumberInfo`."""

    __slots__ = ("_ends", "_infos", "_starts")

    def __init__(self, records: Iterable[NumberingRecord]) -> None:
        ordered = sorted(records, key=lambda record: record.range_from)
        shared: dict[NumberInfo, NumberInfo] = {}
        self._starts: list[int] = []
        self._ends: list[int] = []
        self._infos: list[NumberInfo] = []
        for record in ordered:
            info = NumberInfo(record.region, record.timezone, record.carrier, record.inn, record.territory)
            self._starts.append(record.range_from)
            self._ends.append(record.range_to)
            self._infos.append(shared.setdefault(info, info))

    @classmethod
    def from_files(cls, paths: Iterable[Path], zone_table: Path) -> "NumberingIndex":
        """Build the index from registry CSV files and the subject → zone table."""
        return cls(load_records(paths, zone_table))

    def __len__(self) -> int:
        return len(self._starts)

    def ranges(self) -> Iterator[tuple[int, int, NumberInfo]]:
        """Every range as ``(first, last, info)`` in ascending order."""
        return zip(self._starts, self._ends, self._infos, strict=True)

    def lookup_national(self, national: int) -> NumberInfo | None:
        """The range of a 10-digit national number (``9161234567``), or None."""
        position = bisect_right(self._starts, national) - 1
        if position >= 0 and national <= self._ends[position]:
            return self._infos[position]
        return None

    def lookup(self, number: str) -> NumberInfo | None:
        """The range of a normalised number ``7NNNNNNNNNN``; None for anything else or an unknown range."""
        if len(number) != _RUSSIAN_LENGTH or number[0] != "7" or not (number.isascii() and number.isdigit()):
            return None
        return self.lookup_national(int(number[1:]))
