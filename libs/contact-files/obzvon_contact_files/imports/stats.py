"""Base statistics (F-33): «Все, Прозвонили, Не отвечают, Занято, Ошибка, Новые».

Each counter is a set of contact statuses: ``called`` = talked to (called, callback, done);
``no_answer`` = no answer, answering machine, or dropped before an operator answered (lost);
``busy``; ``error``; ``new`` = never dialled. Deleted contacts are not counted.
"""

import uuid
from dataclasses import asdict, dataclass

import asyncpg
from obzvon_db.enums import ContactStatus

STAT_GROUPS: dict[str, tuple[ContactStatus, ...]] = {
    "called": (ContactStatus.CALLED, ContactStatus.CALLBACK, ContactStatus.DONE),
    "no_answer": (ContactStatus.NO_ANSWER, ContactStatus.MACHINE, ContactStatus.LOST),
    "busy": (ContactStatus.BUSY,),
    "error": (ContactStatus.ERROR,),
    "new": (ContactStatus.NEW,),
}

_FILTERS = ",\n    ".join(
    f"count(*) FILTER (WHERE status IN ({', '.join(repr(s.value) for s in statuses)})) AS {name}"
    for name, statuses in STAT_GROUPS.items()
)
_QUERY = f"""
SELECT count(*) AS total,
    {_FILTERS}
FROM contacts
WHERE deleted_at IS NULL AND project_id = $1 AND ($2::uuid IS NULL OR base_id = $2)
"""  # noqa: S608 - constant names only
_BY_BASE_QUERY = f"""
SELECT base_id, count(*) AS total,
    {_FILTERS}
FROM contacts
WHERE deleted_at IS NULL AND project_id = $1 AND base_id = ANY($2::uuid[])
GROUP BY base_id
"""  # noqa: S608 - constant names only
_KEYS = ("total", *STAT_GROUPS)


@dataclass(frozen=True, slots=True)
class BaseStatistics:
    total: int
    called: int
    no_answer: int
    busy: int
    error: int
    new: int

    def as_dict(self) -> dict[str, int]:
        return asdict(self)


async def base_statistics(
    conn: asyncpg.Connection, *, project_id: uuid.UUID, base_id: uuid.UUID | None = None
) -> BaseStatistics:
    """Counters for one base of the project, or for the whole project when ``base_id`` is None."""
    row = await conn.fetchrow(_QUERY, project_id, base_id)
    assert row is not None
    return BaseStatistics(**{key: int(row[key]) for key in _KEYS})


async def statistics_by_base(
    conn: asyncpg.Connection, *, project_id: uuid.UUID, base_ids: list[uuid.UUID]
) -> dict[uuid.UUID, BaseStatistics]:
    """The counters of several bases of the project in one query (a base without contacts is all zero)."""
    rows = await conn.fetch(_BY_BASE_QUERY, project_id, base_ids)
    found = {row["base_id"]: BaseStatistics(**{key: int(row[key]) for key in _KEYS}) for row in rows}
    empty = BaseStatistics(**dict.fromkeys(_KEYS, 0))
    return {base_id: found.get(base_id, empty) for base_id in base_ids}
