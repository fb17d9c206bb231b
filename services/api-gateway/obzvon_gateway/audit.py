"""Writes audit-log rows (append-only table) in the caller's transaction (ASVS 16.2, 16.3)."""

import uuid
from typing import Any

from obzvon_db.models import AuditLog
from sqlalchemy.ext.asyncio import AsyncSession


def _clean(value: Any) -> Any:
    """Neutralise CR/LF in logged text so a value cannot forge extra log lines."""
    if isinstance(value, str):
        return value.replace("\r", "\\r").replace("\n", "\\n")
    if isinstance(value, dict):
        return {str(k): _clean(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_clean(v) for v in value]
    return value


async def record_audit(
    session: AsyncSession,
    action: str,
    *,
    actor_id: uuid.UUID | None,
    ip: str | None,
    object_type: str | None = None,
    object_id: object | None = None,
    before: dict[str, Any] | None = None,
    after: dict[str, Any] | None = None,
) -> None:
    session.add(
        AuditLog(
            actor_id=actor_id,
            ip=ip,
            action=action,
            object_type=object_type,
            object_id=None if object_id is None else _clean(str(object_id)),
            before=_clean(before) if before is not None else None,
            after=_clean(after) if after is not None else None,
        )
    )
    await session.flush()
