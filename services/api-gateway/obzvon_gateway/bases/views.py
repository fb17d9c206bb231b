"""Base rows and library results → API models."""

from obzvon_contact_files.imports import BaseStatistics as LibraryStatistics
from obzvon_db.enums import BaseImportStatus
from obzvon_db.models import ContactBase

from obzvon_gateway.bases.schemas import BaseOut, BaseStatistics, FileError


def statistics_out(stats: LibraryStatistics) -> BaseStatistics:
    return BaseStatistics(**stats.as_dict())


def file_error(base: ContactBase) -> FileError | None:
    """The reason a failed upload was refused (its report's only entry without a row)."""
    if base.status != BaseImportStatus.FAILED:
        return None
    for entry in base.error_report or []:
        if not entry.get("row"):
            return FileError(
                code=str(entry.get("code", "")),
                message_ru=str(entry.get("message_ru", "")),
                message_en=str(entry.get("message_en", "")),
            )
    return None


def base_out(base: ContactBase, tags: list[str], stats: LibraryStatistics) -> BaseOut:
    return BaseOut(
        id=base.id,
        project_id=base.project_id,
        name=base.name,
        file_name=base.file_name,
        status=base.status,
        tags=tags,
        uploaded_by=base.uploaded_by,
        created_at=base.created_at,
        finished_at=base.finished_at,
        total_rows=base.total_rows,
        processed_rows=base.processed_rows,
        imported_rows=base.imported_rows,
        rejected_rows=base.rejected_rows,
        duplicate_rows=base.duplicate_rows,
        blacklisted_rows=base.blacklisted_rows,
        error=file_error(base),
        statistics=statistics_out(stats),
    )
