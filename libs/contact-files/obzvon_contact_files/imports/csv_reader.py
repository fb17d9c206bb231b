"""Reading .csv: UTF-8 (with or without BOM) or windows-1251, ``;``/``,``/tab separators sniffed."""

import csv
import io
from collections.abc import Iterator
from pathlib import Path

from obzvon_contact_files.imports.errors import FileRejected
from obzvon_contact_files.imports.limits import UploadLimits
from obzvon_contact_files.imports.table import Row, Table, start_table

_BOMS = (b"\xef\xbb\xbf",)
_DELIMITERS = ";,\t"
_SAMPLE_CHARS = 64 * 1024


def decode(raw: bytes) -> str:
    """UTF-8 when the bytes are valid UTF-8 (a BOM is dropped), else windows-1251 (also behind a BOM)."""
    for bom in _BOMS:
        if raw.startswith(bom):
            raw = raw[len(bom) :]
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return raw.decode("utf-16", errors="replace")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return raw.decode("cp1251", errors="replace")


def sniff_delimiter(text: str) -> str:
    """The separator of the header line: the sniffer's answer, else the most frequent candidate."""
    sample = text[:_SAMPLE_CHARS]
    try:
        return csv.Sniffer().sniff(sample, delimiters=_DELIMITERS).delimiter
    except csv.Error:
        first_line = sample.split("\n", 1)[0]
        counts = {delimiter: first_line.count(delimiter) for delimiter in _DELIMITERS}
        best = max(counts, key=lambda delimiter: counts[delimiter])
        return best if counts[best] else ";"


def _rows(reader: Iterator[list[str]]) -> Iterator[Row]:
    try:
        for cells in reader:
            yield list(cells)
    except csv.Error as exc:
        raise FileRejected(
            "unreadable",
            f"Не удалось прочитать CSV: {exc}",
            f"The CSV file could not be read: {exc}",
        ) from exc


def open_csv(path: Path, limits: UploadLimits) -> Table:
    text = decode(path.read_bytes()).replace("\x00", "")
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=sniff_delimiter(text))
    total = text.count("\n") + (0 if text.endswith("\n") else 1)
    return start_table(_rows(reader), total, limits)
