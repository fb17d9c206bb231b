"""Contact downloads (F-34): unanswered or not-yet-called contacts of a base or of the whole project,
as CSV or XLSX, safe against formula injection (``obzvon_contact_files.exports``).

The file is written to a temporary file beside the uploads (PostgreSQL COPY for CSV, a server-side
cursor and xlsxwriter's constant-memory mode for XLSX), then streamed to the client and deleted, so
memory stays flat whatever the size, the database connection is free before the transfer starts, and
a failure is still a clean problem+json.
"""

import asyncio
import uuid
from pathlib import Path
from typing import BinaryIO

from obzvon_contact_files.exports import ExportKind, export_contacts_csv, export_contacts_xlsx
from obzvon_db.session import asyncpg_connection
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession

from obzvon_gateway.audit import record_audit
from obzvon_gateway.auth.principal import Principal
from obzvon_gateway.bases.schemas import ExportFormat
from obzvon_gateway.bases.service import managed_base, managed_project

EXPORTS_FOLDER = "exports"
MEDIA_TYPES = {
    ExportFormat.CSV: "text/csv; charset=utf-8",
    ExportFormat.XLSX: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


def _open_for_writing(path: Path) -> BinaryIO:
    return path.open("wb")


async def _write(
    engine: AsyncEngine,
    path: Path,
    *,
    project_id: uuid.UUID,
    base_id: uuid.UUID | None,
    kind: ExportKind,
    fmt: ExportFormat,
) -> None:
    async with asyncpg_connection(engine) as conn:
        if fmt == ExportFormat.XLSX:
            await export_contacts_xlsx(conn, path, project_id=project_id, kind=kind, base_id=base_id)
            return
        out = await asyncio.to_thread(_open_for_writing, path)
        try:
            await export_contacts_csv(conn, out, project_id=project_id, kind=kind, base_id=base_id)
        finally:
            await asyncio.to_thread(out.close)


async def export_contacts(
    db: AsyncSession,
    engine: AsyncEngine,
    principal: Principal,
    uploads_dir: Path,
    *,
    project_id: uuid.UUID,
    base_id: uuid.UUID | None,
    kind: ExportKind,
    fmt: ExportFormat,
    ip: str,
) -> tuple[Path, str]:
    """Write the download to a temporary file; returns it and the name the client saves it under.
    The caller deletes the file once sent."""
    if base_id is None:
        await managed_project(db, principal, project_id)
    else:
        await managed_base(db, principal, project_id, base_id)
    folder = uploads_dir / EXPORTS_FOLDER
    await asyncio.to_thread(folder.mkdir, parents=True, exist_ok=True)
    path = folder / f"{uuid.uuid4().hex}.{fmt.value}"
    try:
        await _write(engine, path, project_id=project_id, base_id=base_id, kind=kind, fmt=fmt)
    except BaseException:
        await asyncio.to_thread(path.unlink, True)
        raise
    await record_audit(
        db,
        "contacts.exported",
        actor_id=principal.user_id,
        ip=ip,
        object_type="contact_base" if base_id else "project",
        object_id=base_id or project_id,
        after={"kind": kind.value, "format": fmt.value},
    )
    scope = f"base-{str(base_id)[:8]}" if base_id else f"project-{str(project_id)[:8]}"
    return path, f"{kind.value}-{scope}.{fmt.value}"
