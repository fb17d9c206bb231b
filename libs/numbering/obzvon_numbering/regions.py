"""Subjects of the Russian Federation: from registry text to a subject, a display name and an IANA zone.

The registry's ``Территория ГАР`` column holds clean FIAS/GAR names: ``|`` separates levels (the last
part is the subject) and ``, `` joins the subjects of a range that covers two (Москва + Московская
область; they always share one offset). The zone table (``region_tz.csv``: ``subject_gar;iana_tz;…``)
maps a GAR subject name to its IANA zone; nationwide ranges (``Российская Федерация``) have no zone.
"""

import csv
import datetime as dt
import re
from collections.abc import Iterable
from pathlib import Path
from zoneinfo import ZoneInfo

NATIONWIDE = "Российская Федерация"

_SHORT_FORMS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"^Город "), "г. "),
    (re.compile(r"\bобласть\b"), "обл."),
    (re.compile(r"\bавтономный округ\b"), "АО"),
)
_ALIAS_CLEAN = re.compile(r"[^0-9a-zа-я]+")


def read_zone_table(path: Path) -> dict[str, str]:
    """``subject → IANA zone`` from a ``region_tz.csv`` file (``;``-separated, header by name)."""
    with path.open(encoding="utf-8-sig", newline="") as handle:
        reader = csv.DictReader(handle, delimiter=";")
        fields = {name.strip().lower(): name for name in reader.fieldnames or ()}
        subject_key, zone_key = fields.get("subject_gar"), fields.get("iana_tz")
        if subject_key is None or zone_key is None:
            raise ValueError(f"{path}: expected the columns subject_gar and iana_tz")
        table = {row[subject_key].strip(): row[zone_key].strip() for row in reader if row.get(subject_key)}
    for zone in set(table.values()):
        ZoneInfo(zone)  # raises for an unknown zone name
    return table


def subjects_from_gar(territory: str) -> list[str]:
    """The subject names of a ``Территория ГАР`` value (one, or two for joined ranges)."""
    last = territory.split("|")[-1].strip()
    return [part.strip() for part in last.split(", ") if part.strip()]


def short_name(subject: str) -> str:
    """The display form used in contact tables: ``Оренбургская обл.``, ``г. Москва``, ``Чукотский АО``."""
    for pattern, replacement in _SHORT_FORMS:
        subject = pattern.sub(replacement, subject)
    return subject


def display_region(subjects: Iterable[str]) -> str | None:
    """``Нижегородская обл.``; ``г. Москва и Московская обл.`` for a range over two subjects."""
    names = [short_name(subject) for subject in subjects]
    return " и ".join(names) if names else None


def zone_of(subjects: Iterable[str], zones: dict[str, str]) -> str | None:
    """The IANA zone of the first subject that has one (joined subjects share an offset)."""
    for subject in subjects:
        zone = zones.get(subject)
        if zone:
            return zone
    return None


def _alias_key(text: str) -> str:
    text = text.lower().replace("ё", "е")
    for long, short in (("область", "обл"), ("автономный округ", "ао"), ("город ", "г ")):
        text = text.replace(long, short)
    return _ALIAS_CLEAN.sub("", text)


def subjects_from_region_text(region: str, zones: dict[str, str]) -> list[str]:
    """Best effort for old registry files without ``Территория ГАР``: match the free-text ``Регион``
    (``Нижегородская обл.``, ``г. Москва и Московская область``) against the known subject names."""
    aliases = {_alias_key(subject): subject for subject in zones}
    found = []
    for part in re.split(r"\s+(?:и|\*)\s+|\|", region):
        subject = aliases.get(_alias_key(part))
        if subject:
            found.append(subject)
    return found


def utc_offset(zone: str, at: dt.datetime | None = None) -> str:
    """The UTC offset of ``zone`` at ``at`` (now by default) as ``+03:00``."""
    moment = at or dt.datetime.now(dt.UTC)
    offset = moment.astimezone(ZoneInfo(zone)).utcoffset() or dt.timedelta()
    minutes = int(offset.total_seconds() // 60)
    sign = "+" if minutes >= 0 else "-"
    hours, rest = divmod(abs(minutes), 60)
    return f"{sign}{hours:02d}:{rest:02d}"
