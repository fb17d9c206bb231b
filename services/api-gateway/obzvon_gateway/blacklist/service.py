"""The global blacklist (F-70): numbers that are never dialled, stored normalised (7NNNNNNNNNN).

Rights (A §9, O §9): everyone searches and adds a number; admins and supervisors also upload lists,
delete numbers and export the list.
"""

import csv
import io
import uuid

from obzvon_db.models import BlacklistEntry
from obzvon_platform.problem import Problem, not_found
from sqlalchemy.ext.asyncio import AsyncSession

from obzvon_gateway.audit import record_audit
from obzvon_gateway.auth.principal import Principal
from obzvon_gateway.auth.problems import forbidden
from obzvon_gateway.blacklist import csv_export, repository
from obzvon_gateway.blacklist.phones import Rejected, digits_of, normalise
from obzvon_gateway.blacklist.schemas import RowError, UploadReport
from obzvon_gateway.projects.errors import field_problem

MAX_UPLOAD_BYTES = 5 * 1024 * 1024
MAX_ROWS = 100_000


def _require_manager(principal: Principal) -> None:
    if principal.is_operator:
        raise forbidden()


async def search(
    db: AsyncSession, query: str | None, page: int, per_page: int
) -> tuple[list[BlacklistEntry], int]:
    """By a part of the number; a complete number in any format is searched in its normalised form."""
    digits: str | None = None
    if query and query.strip():
        normalised = normalise(query)
        digits = normalised if isinstance(normalised, str) else digits_of(query)
    return await repository.search(db, digits, offset=(page - 1) * per_page, limit=per_page)


async def add(
    db: AsyncSession, principal: Principal, phone: str, comment: str | None, *, ip: str
) -> BlacklistEntry:
    normalised = normalise(phone)
    if isinstance(normalised, Rejected):
        raise field_problem("phone", f"invalid_phone_{normalised.code}", normalised.ru, normalised.en)
    if await repository.by_phone(db, normalised) is not None:
        raise Problem(
            409, "already_blacklisted", "Номер уже в чёрном списке", "The number is already blacklisted"
        )
    cleaned = (comment or "").strip() or None
    (entry_id,) = await repository.add_many(db, [(normalised, cleaned)], principal.user_id)
    await record_audit(
        db,
        "blacklist.added",
        actor_id=principal.user_id,
        ip=ip,
        object_type="blacklist",
        object_id=entry_id,
        after={"phone": normalised},
    )
    entry = await repository.get(db, entry_id)
    assert entry is not None
    return entry


def _decode(data: bytes) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1251", errors="replace")


def _looks_like_header(value: str) -> bool:
    return not digits_of(value) and any(ch.isalpha() for ch in value)


async def upload(
    db: AsyncSession, principal: Principal, data: bytes, *, english: bool, ip: str
) -> UploadReport:
    """A CSV/TXT list, one number per line (an optional second CSV column is the comment)."""
    _require_manager(principal)
    if len(data) > MAX_UPLOAD_BYTES:
        raise Problem(413, "file_too_large", "Файл больше 5 МБ", "The file is larger than 5 MB")
    errors: list[RowError] = []
    accepted: dict[str, str | None] = {}
    repeated = 0
    rows = list(csv.reader(io.StringIO(_decode(data).replace("\0", ""))))
    if len(rows) > MAX_ROWS:
        raise Problem(413, "too_many_rows", f"Больше {MAX_ROWS} строк", f"More than {MAX_ROWS} rows")
    for number, cells in enumerate(rows, start=1):
        value = cells[0].strip() if cells else ""
        if not value or (number == 1 and _looks_like_header(value)):
            continue
        normalised = normalise(value)
        if isinstance(normalised, Rejected):
            errors.append(
                RowError(row=number, value=value[:100], message=normalised.en if english else normalised.ru)
            )
        elif normalised in accepted:
            repeated += 1
        else:
            comment = cells[1].strip()[:500] if len(cells) > 1 else ""
            accepted[normalised] = comment or None
    added = await repository.add_many(db, list(accepted.items()), principal.user_id)
    await record_audit(
        db,
        "blacklist.uploaded",
        actor_id=principal.user_id,
        ip=ip,
        object_type="blacklist",
        after={"added": len(added), "errors": len(errors)},
    )
    return UploadReport(added=len(added), duplicates=repeated + len(accepted) - len(added), errors=errors)


async def delete(db: AsyncSession, principal: Principal, entry_id: uuid.UUID, *, ip: str) -> None:
    _require_manager(principal)
    entry = await repository.get(db, entry_id)
    if entry is None:
        raise not_found("number")
    await record_audit(
        db,
        "blacklist.deleted",
        actor_id=principal.user_id,
        ip=ip,
        object_type="blacklist",
        object_id=entry.id,
        before={"phone": entry.phone, "comment": entry.comment},
    )
    await repository.delete(db, entry)


async def export(db: AsyncSession, principal: Principal, *, ip: str) -> str:
    _require_manager(principal)
    rows = [(e.phone, e.comment, e.created_at.isoformat()) async for e in repository.stream_all(db)]
    await record_audit(
        db,
        "blacklist.exported",
        actor_id=principal.user_id,
        ip=ip,
        object_type="blacklist",
        after={"rows": len(rows)},
    )
    return csv_export.render(rows)
