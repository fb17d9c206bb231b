"""One canonical carrier name per ИНН (the registry spells some carriers several ways).

The registry names the **range holder**; a ported number may now be served by another carrier of the
same subject, so the UI shows it as «оператор по диапазону».
"""

import re
from collections import Counter, defaultdict
from collections.abc import Iterable

#: Names of the big carriers as the product shows them, whatever the snapshot spells.
KNOWN_CARRIERS: dict[str, str] = {
    "7740000076": "ПАО «Мобильные ТелеСистемы»",
    "7812014560": "ПАО «МегаФон»",
    "7713076301": "ПАО «ВымпелКом»",
    "7743895280": "ООО «Т2 Мобайл»",
    "7707049388": "ПАО «Ростелеком»",
}

_QUOTED = re.compile(r'"([^"]*)"')
_SPACES = re.compile(r"\s+")


def tidy_name(name: str) -> str:
    """Collapse spaces and turn straight quote pairs into «ёлочки»: ``ПАО "МТС"`` → ``ПАО «МТС»``."""
    return _QUOTED.sub(r"«\1»", _SPACES.sub(" ", name.strip()))


def carrier_key(inn: str | None, name: str) -> str:
    """Carriers are identified by ИНН; files without it fall back to the tidied, upper-cased name."""
    return inn.strip() if inn and inn.strip() else tidy_name(name).upper()


def canonical_names(pairs: Iterable[tuple[str | None, str]]) -> dict[str, str]:
    """``carrier_key → display name`` from ``(inn, name)`` pairs, one pair per registry row.

    Known carriers get their fixed name. Otherwise a spelling with lowercase letters
    (``ООО "Скартел"``) is preferred to an all-caps one, then the most frequent, then the
    alphabetically first, so the result never depends on row order.
    """
    spellings: dict[str, Counter[str]] = defaultdict(Counter)
    for inn, name in pairs:
        spellings[carrier_key(inn, name)][tidy_name(name)] += 1
    names: dict[str, str] = {}
    for key, counts in spellings.items():
        if key in KNOWN_CARRIERS:
            names[key] = KNOWN_CARRIERS[key]
            continue
        names[key] = min(
            counts, key=lambda spelling: (spelling.upper() == spelling, -counts[spelling], spelling)
        )
    return names
