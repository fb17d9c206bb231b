"""Running one ``import_contact_base`` command (F-30..F-35): at most once per base, with progress.

The gateway commits the base (status ``processing``) and the command together; this runner takes the
base's advisory lock, imports the stored file with :func:`~obzvon_contact_files.imports.import_base`
(one transaction: everything or nothing), then deletes the stored file. A redelivered command finds
the base no longer processing and does nothing. Progress and the outcome are live hints published
straight to the bus (the base row is the truth the SPA reloads).
"""

import asyncio
import re
import time
import uuid
from pathlib import Path

import asyncpg
import structlog
from obzvon_contact_files.imports import FileRejected, ImportProgress, ImportReport, import_base
from obzvon_db.enums import BaseImportStatus
from obzvon_db.session import asyncpg_connection
from obzvon_events import Message
from obzvon_events.bases import ContactBaseImportFinished, ContactBaseImportProgressed
from obzvon_events.commands import ImportContactBase
from obzvon_platform.bus import Bus
from sqlalchemy.ext.asyncio import AsyncEngine

from obzvon_reporting.bases import repository

log = structlog.get_logger(__name__)

PRODUCER = "reporting"
#: Stored uploads are named by the gateway: 32 hex digits, never the user's file name.
STORED_NAME = re.compile(r"^[0-9a-f]{32}$")
#: Progress events are sent at most this often (the last one always).
PROGRESS_INTERVAL_SECONDS = 0.5

MISSING_FILE = FileRejected(
    "upload_missing",
    "Загруженный файл не найден: загрузите его ещё раз",
    "The upload is gone: upload it again",
)
INTERNAL_ERROR = FileRejected(
    "import_failed", "Не удалось загрузить базу из-за внутренней ошибки", "The base could not be imported"
)


class BaseImportRunner:
    def __init__(self, bus: Bus, engine: AsyncEngine) -> None:
        self.bus = bus
        self.engine = engine

    async def run(self, command: ImportContactBase) -> None:
        """Import the base unless another run holds it or it is no longer processing."""
        bound = log.bind(base_id=str(command.base_id), project_id=str(command.project_id))
        path = Path(command.stored_path)
        async with asyncpg_connection(self.engine) as conn:
            if not await repository.try_lock(conn, command.base_id):
                bound.info("base_import.already_running")
                return
            try:
                report = await self._import(conn, command, path)
            finally:
                await repository.unlock(conn, command.base_id)
        if STORED_NAME.match(path.name):
            await asyncio.to_thread(path.unlink, True)
        if report is not None:
            bound.info("base_import.finished", status=report.status, imported=report.imported_rows)
            await self.publish(finished_event(command, report))

    async def _import(
        self, conn: asyncpg.Connection, command: ImportContactBase, path: Path
    ) -> ImportReport | None:
        status = await repository.status_of(conn, command.base_id, command.project_id)
        if status != BaseImportStatus.PROCESSING:
            log.info("base_import.skipped", base_id=str(command.base_id), status=status)
            return None
        if not STORED_NAME.match(path.name) or not await asyncio.to_thread(path.is_file):
            return await self._refuse(conn, command.base_id, MISSING_FILE)
        try:
            return await import_base(
                conn,
                project_id=command.project_id,
                path=path,
                filename=command.file_name,
                base_id=command.base_id,
                mapping=command.mapping,
                tags=command.tags,
                dedupe=command.dedupe,
                remove_blacklisted=command.remove_blacklisted,
                numbering_index=await repository.numbering_index(conn),
                progress=self._progress(command),
                uploaded_by=command.uploaded_by,
            )
        except Exception:
            log.exception("base_import.crashed", base_id=str(command.base_id))
            if await repository.status_of(conn, command.base_id, command.project_id) in (
                BaseImportStatus.PROCESSING,
                None,
            ):
                raise  # not marked failed (the database is away?): the command is retried
            return await self._refuse(conn, command.base_id, INTERNAL_ERROR)

    async def _refuse(
        self, conn: asyncpg.Connection, base_id: uuid.UUID, error: FileRejected
    ) -> ImportReport:
        await repository.mark_failed(conn, base_id, error.as_dict())
        return ImportReport(status=BaseImportStatus.FAILED.value, base_id=base_id, file_error=error)

    def _progress(self, command: ImportContactBase) -> "ProgressPublisher":
        return ProgressPublisher(self, command)

    async def publish(self, event: Message) -> None:
        """Best effort: a live hint must never fail the import."""
        try:
            await self.bus.publish_event(event, PRODUCER)
        except Exception as exc:
            log.warning("base_import.publish_failed", event_name=event.name, error=repr(exc))


class ProgressPublisher:
    """The ``progress`` callback of one import: a throttled ``contact_base_import_progressed``."""

    def __init__(self, runner: BaseImportRunner, command: ImportContactBase) -> None:
        self.runner = runner
        self.command = command
        self.sent_at: float | None = None

    async def __call__(self, progress: ImportProgress) -> None:
        now = time.monotonic()
        last = progress.processed >= progress.total
        if not last and self.sent_at is not None and now - self.sent_at < PROGRESS_INTERVAL_SECONDS:
            return
        self.sent_at = now
        await self.runner.publish(
            ContactBaseImportProgressed(
                base_id=self.command.base_id,
                project_id=self.command.project_id,
                uploaded_by=self.command.uploaded_by,
                processed=progress.processed,
                total=progress.total,
            )
        )


def finished_event(command: ImportContactBase, report: ImportReport) -> ContactBaseImportFinished:
    error = report.file_error
    return ContactBaseImportFinished(
        base_id=command.base_id,
        project_id=command.project_id,
        uploaded_by=command.uploaded_by,
        status=report.status,
        total_rows=report.total_rows,
        imported_rows=report.imported_rows,
        rejected_rows=report.rejected_rows,
        duplicate_rows=report.duplicate_rows,
        blacklisted_rows=report.blacklisted_rows,
        error_code=error.code if error else None,
        error_ru=error.message_ru if error else None,
        error_en=error.message_en if error else None,
    )
