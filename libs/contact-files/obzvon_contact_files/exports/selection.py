"""Which contacts an export holds (F-34) and its columns.

- ``unanswered``: dialled without reaching the client — no answer, busy, answering machine, dropped
  before an operator answered (lost), or a technical error.
- ``not_called``: never dialled (status ``new``).

Deleted contacts are left out; rows follow the base order (``seq``). Phones are digits without ``+``.
"""

import uuid
from dataclasses import dataclass
from enum import StrEnum

from obzvon_db.enums import ContactStatus


class ExportKind(StrEnum):
    UNANSWERED = "unanswered"
    NOT_CALLED = "not_called"


EXPORT_STATUSES: dict[ExportKind, tuple[ContactStatus, ...]] = {
    ExportKind.UNANSWERED: (
        ContactStatus.NO_ANSWER,
        ContactStatus.BUSY,
        ContactStatus.MACHINE,
        ContactStatus.LOST,
        ContactStatus.ERROR,
    ),
    ExportKind.NOT_CALLED: (ContactStatus.NEW,),
}


@dataclass(frozen=True, slots=True)
class Column:
    label: str
    sql: str
    #: ``text`` cells are user data (defused against formulas); ``number`` cells are integers.
    kind: str = "text"


COLUMNS: tuple[Column, ...] = (
    Column("Тел.", "c.phone"),
    Column("ФИО", "c.full_name"),
    Column("E-mail", "c.email"),
    Column("Должность", "c.position"),
    Column("Город", "c.city"),
    Column("Адрес", "c.address"),
    Column("Описание", "c.description"),
    Column("Дата рождения", "to_char(c.birth_date, 'DD.MM.YYYY')"),
    Column("Регион", "c.region"),
    Column("Часовой пояс", "c.timezone"),
    Column("Провайдер", "c.carrier"),
    Column("Статус", "c.status"),
    Column("Попыток", "c.attempts_count", "number"),
    Column("Последний звонок (UTC)", "to_char(c.last_call_at AT TIME ZONE 'UTC', 'DD.MM.YYYY HH24:MI')"),
    Column("Дата создания (UTC)", "to_char(c.created_at AT TIME ZONE 'UTC', 'DD.MM.YYYY HH24:MI')"),
)

_WHERE = (
    "c.project_id = $1 AND ($2::uuid IS NULL OR c.base_id = $2) AND c.deleted_at IS NULL "
    "AND c.status = ANY($3::text[])"
)


def select_sql(expressions: list[str]) -> str:
    """``SELECT <expressions> FROM contacts`` of the export (parameters: project, base or NULL, statuses)."""
    return f"SELECT {', '.join(expressions)} FROM contacts AS c WHERE {_WHERE} ORDER BY c.seq"  # noqa: S608


def parameters(project_id: uuid.UUID, base_id: uuid.UUID | None, kind: ExportKind) -> tuple[object, ...]:
    return project_id, base_id, [status.value for status in EXPORT_STATUSES[kind]]
