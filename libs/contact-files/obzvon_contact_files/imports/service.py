"""`import_base`: the whole upload of a contact base in one transaction (F-30, F-31, F-32, F-35)."""

import asyncio
import inspect
import time
import uuid
from collections.abc import AsyncIterator, Awaitable, Callable, Sequence
from contextlib import aclosing, asynccontextmanager, suppress
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeAlias

import asyncpg
from obzvon_db.enums import BaseImportStatus
from obzvon_db.session import asyncpg_connection
from obzvon_numbering import NumberingIndex
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

from obzvon_contact_files.imports import repository
from obzvon_contact_files.imports.errors import FileRejected, MappingError, RowError
from obzvon_contact_files.imports.limits import DEFAULT_LIMITS, UploadLimits
from obzvon_contact_files.imports.mapping import resolve_mapping, suggest_mapping
from obzvon_contact_files.imports.pipeline import ChunkReader
from obzvon_contact_files.imports.readers import open_table
from obzvon_contact_files.imports.report import ImportReport
from obzvon_contact_files.imports.rows import RowProcessor
from obzvon_contact_files.imports.upload_safety import check_upload

Database: TypeAlias = asyncpg.Connection | AsyncEngine | AsyncConnection
CHUNK_ROWS = 50_000


@dataclass(frozen=True, slots=True)
class ImportProgress:
    """Rows read so far out of ``total`` (the file's data rows; an estimate for CSV)."""

    processed: int
    total: int


ProgressCallback = Callable[[ImportProgress], Awaitable[None] | None]


@asynccontextmanager
async def _asyncpg(db: Database) -> AsyncIterator[asyncpg.Connection]:
    """The asyncpg connection behind ``db`` (an SQLAlchemy connection must not be inside a transaction)."""
    if isinstance(db, asyncpg.Connection):
        yield db
    elif isinstance(db, AsyncEngine):
        async with asyncpg_connection(db) as conn:
            yield conn
    else:
        raw = await db.get_raw_connection()
        yield raw.driver_connection


async def _notify(progress: ProgressCallback | None, processed: int, total: int) -> None:
    if progress is not None:
        result = progress(ImportProgress(processed, max(total, processed)))
        if inspect.isawaitable(result):
            await result


def _failed(error: FileRejected | MappingError, base_id: uuid.UUID | None, started: float) -> ImportReport:
    file_error = (
        error
        if isinstance(error, FileRejected)
        else FileRejected(error.code, error.message_ru, error.message_en)
    )
    return ImportReport(
        status=BaseImportStatus.FAILED.value,
        base_id=base_id,
        file_error=file_error,
        elapsed_seconds=time.monotonic() - started,
    )


async def import_base(
    db: Database,
    *,
    project_id: uuid.UUID,
    path: Path,
    filename: str,
    base_id: uuid.UUID | None = None,
    base_name: str | None = None,
    mapping: dict[str, str] | None = None,
    tags: Sequence[str] = (),
    dedupe: bool = True,
    remove_blacklisted: bool = True,
    numbering_index: NumberingIndex | None = None,
    progress: ProgressCallback | None = None,
    uploaded_by: uuid.UUID | None = None,
    limits: UploadLimits = DEFAULT_LIMITS,
    chunk_rows: int = CHUNK_ROWS,
) -> ImportReport:
    """Import ``path`` into the project; see the package docstring for every parameter."""
    started = time.monotonic()
    async with _asyncpg(db) as conn:
        if base_id is not None and await repository.base_project(conn, base_id) != project_id:
            raise LookupError(f"contact base {base_id} is not in project {project_id}")
        try:
            kind = await asyncio.to_thread(check_upload, path, filename, limits)
            table = await asyncio.to_thread(open_table, path, kind, limits)
            chosen = dict(mapping) if mapping is not None else suggest_mapping(table.header)
            resolved = resolve_mapping(chosen, table.header)
        except (FileRejected, MappingError) as exc:
            return await _give_up(conn, _failed(exc, base_id, started))
        processor = RowProcessor(
            resolved,
            numbering_index=numbering_index,
            blacklist=await repository.blacklisted_numbers(conn),
            remove_blacklisted=remove_blacklisted,
            report_duplicates=not dedupe,
            limits=limits,
        )
        try:
            async with conn.transaction():
                report = await _load(
                    conn, table.total, ChunkReader(table, processor, chunk_rows=chunk_rows), processor,
                    project_id=project_id, base_id=base_id, base_name=base_name or Path(filename).stem,
                    filename=filename, mapping=chosen, tags=tags, dedupe=dedupe, progress=progress,
                    uploaded_by=uploaded_by,
                )  # fmt: skip
        except FileRejected as exc:
            return await _give_up(conn, _failed(exc, base_id, started))
        except BaseException:
            if base_id is not None:
                with suppress(Exception):
                    await asyncio.shield(_mark_failed(conn, base_id, None))
            raise
    report.elapsed_seconds = time.monotonic() - started
    return report


async def _give_up(conn: asyncpg.Connection, report: ImportReport) -> ImportReport:
    if report.base_id is not None:
        await _mark_failed(conn, report.base_id, report.file_error)
    return report


async def _mark_failed(conn: asyncpg.Connection, base_id: uuid.UUID, error: FileRejected | None) -> None:
    errors = [error.as_dict()] if error else []
    await repository.finish_base(
        conn, base_id, status=BaseImportStatus.FAILED, counters={}, errors=errors, mapping=None
    )


async def _load(
    conn: asyncpg.Connection,
    total: int,
    reader: ChunkReader,
    processor: RowProcessor,
    *,
    project_id: uuid.UUID,
    base_id: uuid.UUID | None,
    base_name: str,
    filename: str,
    mapping: dict[str, str],
    tags: Sequence[str],
    dedupe: bool,
    progress: ProgressCallback | None,
    uploaded_by: uuid.UUID | None,
) -> ImportReport:
    if base_id is None:
        base_id = await repository.create_base(
            conn,
            project_id=project_id,
            name=base_name,
            file_name=filename,
            mapping=mapping,
            uploaded_by=uploaded_by,
        )
    tag_ids = await repository.ensure_tags(conn, tags)
    await repository.tag_base(conn, base_id, tag_ids)
    await repository.create_staging(conn)
    id_prefix = repository.uuid7_prefix()
    inserted = staged = 0
    in_project: list[tuple[int, str]] = []
    rows_read = 0
    async with aclosing(reader.chunks()) as chunks:
        async for chunk in chunks:
            if chunk.records:
                count, existing = await repository.load_chunk(
                    conn, chunk.records, project_id=project_id, base_id=base_id, id_prefix=id_prefix,
                    tag_ids=tag_ids, find_existing=not dedupe,
                )  # fmt: skip
                inserted += count
                staged += len(chunk.records)
                in_project.extend(existing)
            rows_read = chunk.rows_read
            await _notify(progress, rows_read, total)
    counters = processor.counters
    if counters.processed == 0:
        raise FileRejected("no_rows", "В файле нет строк с данными", "The file has no data rows")
    label = processor.phone_label
    errors = counters.errors + [_in_project_error(row_no, phone, label) for row_no, phone in in_project]
    errors.sort(key=lambda error: error.row)
    report = ImportReport(
        status=BaseImportStatus.READY.value,
        base_id=base_id,
        total_rows=rows_read,
        processed_rows=counters.processed,
        imported_rows=inserted,
        rejected_rows=counters.rejected,
        duplicate_rows=counters.duplicates + (staged - inserted),
        blacklisted_rows=counters.blacklisted,
        empty_rows=counters.empty,
        warnings=counters.warnings,
        errors=errors,
        errors_truncated=counters.errors_truncated,
        mapping=mapping,
    )
    stored: list[dict[str, Any]] = [error.as_dict() for error in errors]
    await repository.finish_base(
        conn,
        base_id,
        status=BaseImportStatus.READY,
        counters=report.counters(),
        errors=stored,
        mapping=mapping,
    )
    return report


def _in_project_error(row_no: int, phone: str, label: str) -> RowError:
    return RowError(
        row_no,
        label,
        phone,
        "duplicate_in_project",
        "Номер уже есть в проекте",
        "The number is already in the project",
    )
