"""Contact base rules (F-30..F-35) with the caller's scope: admins any project, supervisors their own
projects; operators get 403 on their projects and 404 elsewhere (they do not manage bases).

Where the work runs: the gateway receives the upload (streamed to the uploads folder under a
generated name), checks and previews it with ``obzvon_contact_files.imports`` and keeps it as a base in
status ``pending``. Starting the import turns the base ``processing`` and writes an
``import_contact_base`` command to the outbox in the same transaction; the reporting service, which
owns imports (DESIGN.md), runs ``import_base`` into that base and publishes
``contact_base_import_progressed`` / ``contact_base_import_finished``, which the gateway's live
delivery pushes over ``/ws`` to the uploader, admins and the project's supervisors. So a heavy
import never slows the gateway, survives a gateway restart, and reaches sockets on any gateway
instance. Statistics, the error report and exports are read here with the same library.
"""

import asyncio
import dataclasses
import datetime as dt
import uuid
from pathlib import PurePosixPath

from obzvon_contact_files.imports import (
    DEFAULT_LIMITS,
    FileRejected,
    MappingError,
    RowError,
    base_statistics,
    error_report_csv,
    preview_upload,
    resolve_mapping,
    statistics_by_base,
)
from obzvon_db.enums import BaseImportStatus
from obzvon_db.models import ContactBase, Project
from obzvon_db.session import asyncpg_connection
from obzvon_events.commands import ImportContactBase
from obzvon_platform.bus import add_to_outbox
from obzvon_platform.logging import get_logger
from obzvon_platform.problem import Problem, not_found
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession

from obzvon_gateway.audit import record_audit
from obzvon_gateway.auth.principal import Principal
from obzvon_gateway.auth.problems import forbidden
from obzvon_gateway.bases import repository
from obzvon_gateway.bases.fields import targets, with_card_fields
from obzvon_gateway.bases.schemas import BaseList, BaseOut, ImportAccepted, ImportStart, UploadOut
from obzvon_gateway.bases.upload_stream import ReceivedFile
from obzvon_gateway.bases.views import base_out, statistics_out
from obzvon_gateway.producer import PRODUCER
from obzvon_gateway.projects import repository as projects_repository
from obzvon_gateway.projects.errors import field_problem
from obzvon_gateway.settings import GatewaySettings

log = get_logger(__name__)
Audited = dict[str, object] | None
#: Previews read the whole first sheet (a 1,000,000-row workbook takes about half a gigabyte for a
#: moment), so only this many run at once in a gateway process.
PREVIEW_SLOTS = asyncio.Semaphore(2)


async def managed_project(db: AsyncSession, principal: Principal, project_id: uuid.UUID) -> Project:
    """A project whose bases the caller manages."""
    if not await principal.can_see_project(db, project_id):
        raise not_found("project")
    project = await projects_repository.get(db, project_id)
    if project is None:
        raise not_found("project")
    if principal.is_operator:
        raise forbidden(
            "Базы загружают администратор и супервайзер", "Only admins and supervisors manage bases"
        )
    return project


async def managed_base(
    db: AsyncSession, principal: Principal, project_id: uuid.UUID, base_id: uuid.UUID, *, lock: bool = False
) -> ContactBase:
    """A base (its import started) of a project the caller manages."""
    await managed_project(db, principal, project_id)
    base = await repository.get(db, project_id, base_id, for_update=lock)
    if base is None or base.status == BaseImportStatus.PENDING:
        raise not_found("base")
    return base


def _refused(error: FileRejected) -> Problem:
    return Problem(422, error.code, error.message_ru, error.message_en)


async def register_upload(
    db: AsyncSession,
    principal: Principal,
    project_id: uuid.UUID,
    received: ReceivedFile,
    settings: GatewaySettings,
    *,
    ip: str,
) -> UploadOut:
    """Check the stored file (size, zip caps, format) and keep it as a pending base with the
    suggested mapping; a refused file is deleted and answered with 422."""
    limits = dataclasses.replace(DEFAULT_LIMITS, max_file_bytes=settings.upload_max_bytes)
    try:
        async with PREVIEW_SLOTS:
            preview = await asyncio.to_thread(
                preview_upload, received.path, received.file_name, limits=limits
            )
    except FileRejected as exc:
        await asyncio.to_thread(received.path.unlink, True)
        raise _refused(exc) from exc
    except Exception as exc:  # a reader failure nobody foresaw refuses the file, never a 500
        log.warning("base_upload.unreadable", error=repr(exc))
        await asyncio.to_thread(received.path.unlink, True)
        raise _refused(
            FileRejected("unreadable", "Не удалось прочитать файл", "The file could not be read")
        ) from exc
    await _remove_stale_uploads(db, settings)
    card_fields = await repository.card_fields(db, project_id)
    mapping = with_card_fields(preview.mapping, card_fields)
    base = await repository.create_pending(
        db,
        project_id=project_id,
        name=PurePosixPath(received.file_name).stem or received.file_name,
        file_name=received.file_name,
        stored_name=received.stored_name,
        mapping=mapping,
        uploaded_by=principal.user_id,
    )
    await _audit(db, principal, ip, "base.uploaded", base.id, {"file_name": received.file_name})
    return UploadOut(
        upload_id=base.id,
        file_name=received.file_name,
        kind=preview.kind,
        header=preview.header,
        mapping=mapping,
        fields=targets(mapping, card_fields),
        preview=preview.rows,
        total_rows=preview.total_rows,
    )


async def _remove_stale_uploads(db: AsyncSession, settings: GatewaySettings) -> None:
    older_than = dt.datetime.now(dt.UTC) - dt.timedelta(hours=settings.upload_ttl_hours)
    for name in await repository.take_stale_uploads(db, older_than):
        await asyncio.to_thread((settings.uploads_dir / name).unlink, True)


async def start_import(
    db: AsyncSession,
    principal: Principal,
    project_id: uuid.UUID,
    body: ImportStart,
    settings: GatewaySettings,
    *,
    ip: str,
) -> ImportAccepted:
    """The pending upload becomes a base in status processing; reporting imports it (see above)."""
    await managed_project(db, principal, project_id)
    base = await repository.get(db, project_id, body.upload_id, for_update=True)
    if base is None or base.stored_name is None:
        raise not_found("upload")
    if base.status != BaseImportStatus.PENDING:
        raise Problem(409, "import_started", "Загрузка этой базы уже запущена", "This import has started")
    try:
        resolve_mapping(body.mapping, list(base.column_mapping))
    except MappingError as exc:
        raise field_problem("mapping", exc.code, exc.message_ru, exc.message_en) from exc
    tags = list(dict.fromkeys(body.tags))
    base.name = (body.name or "").strip() or base.name
    base.column_mapping = dict(body.mapping)
    base.status = BaseImportStatus.PROCESSING
    await db.flush()
    command = ImportContactBase(
        base_id=base.id,
        project_id=project_id,
        stored_path=str(await asyncio.to_thread(settings.uploads_dir.resolve) / base.stored_name),
        file_name=base.file_name,
        mapping=dict(body.mapping),
        tags=tags,
        dedupe=body.dedupe,
        remove_blacklisted=body.remove_blacklisted,
        uploaded_by=principal.user_id,
    )
    await add_to_outbox(db, command, PRODUCER)
    after = {
        "name": base.name,
        "tags": tags,
        "dedupe": body.dedupe,
        "remove_blacklisted": body.remove_blacklisted,
    }
    await _audit(db, principal, ip, "base.import_started", base.id, after)
    return ImportAccepted(base_id=base.id, status=base.status)


async def list_bases(
    db: AsyncSession, engine: AsyncEngine, principal: Principal, project_id: uuid.UUID
) -> BaseList:
    """F-33: every base with its counters, and the project's totals."""
    await managed_project(db, principal, project_id)
    bases = await repository.list_bases(db, project_id)
    ids = [base.id for base in bases]
    tags = await repository.tags_of(db, ids)
    async with asyncpg_connection(engine) as conn:
        stats = await statistics_by_base(conn, project_id=project_id, base_ids=ids)
        totals = await base_statistics(conn, project_id=project_id)
    return BaseList(
        items=[base_out(base, tags[base.id], stats[base.id]) for base in bases],
        statistics=statistics_out(totals),
    )


async def get_base(
    db: AsyncSession, engine: AsyncEngine, principal: Principal, project_id: uuid.UUID, base_id: uuid.UUID
) -> BaseOut:
    base = await managed_base(db, principal, project_id, base_id)
    tags = await repository.tags_of(db, [base.id])
    async with asyncpg_connection(engine) as conn:
        stats = await base_statistics(conn, project_id=project_id, base_id=base.id)
    return base_out(base, tags[base.id], stats)


async def error_report(
    db: AsyncSession,
    principal: Principal,
    project_id: uuid.UUID,
    base_id: uuid.UUID,
    *,
    ip: str,
) -> str:
    """F-35: the per-row report as CSV text (with a BOM for Excel); 409 while the import runs."""
    base = await managed_base(db, principal, project_id, base_id)
    if base.status == BaseImportStatus.PROCESSING:
        raise Problem(409, "import_running", "База ещё загружается", "The base is still being imported")
    text = error_report_csv(RowError.from_dict(entry) for entry in base.error_report or [])
    await _audit(db, principal, ip, "base.error_report_downloaded", base.id, None)
    return "\ufeff" + text


async def remove_blacklisted(
    db: AsyncSession, principal: Principal, project_id: uuid.UUID, base_id: uuid.UUID, *, ip: str
) -> int:
    """«Удалить номера (черный список)»: the base's contacts whose numbers are blacklisted now."""
    base = await managed_base(db, principal, project_id, base_id, lock=True)
    if base.status == BaseImportStatus.PROCESSING:
        raise Problem(409, "import_running", "База ещё загружается", "The base is still being imported")
    removed = await repository.remove_blacklisted(db, base.id)
    await _audit(db, principal, ip, "base.blacklisted_removed", base.id, {"removed": removed})
    return removed


async def _audit(
    db: AsyncSession, principal: Principal, ip: str, action: str, base_id: uuid.UUID, after: Audited
) -> None:
    """An audit row about the base (ASVS 16.2: uploads, imports and downloads are logged)."""
    await record_audit(db, action, actor_id=principal.user_id, ip=ip, object_type="contact_base",
                       object_id=base_id, after=after)  # fmt: skip
