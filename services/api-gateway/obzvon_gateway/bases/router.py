"""HTTP: contact bases of a project (F-30..F-35) — upload, import, statistics, error report, downloads."""

import asyncio
import uuid
from pathlib import Path
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request, Response
from fastapi.responses import FileResponse
from obzvon_contact_files.exports import ExportKind
from starlette.background import BackgroundTask

from obzvon_gateway.auth.dependencies import CurrentPrincipal
from obzvon_gateway.bases import downloads, service
from obzvon_gateway.bases.schemas import (
    BaseList,
    BaseOut,
    ExportFormat,
    ImportAccepted,
    ImportStart,
    RemovedNumbers,
    UploadOut,
)
from obzvon_gateway.bases.upload_stream import receive_upload
from obzvon_gateway.deps import ClientIp, Db, Gateway
from obzvon_gateway.openapi import problems

router = APIRouter(prefix="/api/projects/{project_id}/bases", tags=["bases"])

UPLOAD_BODY: dict[str, Any] = {
    "requestBody": {
        "required": True,
        "content": {
            "multipart/form-data": {
                "schema": {
                    "type": "object",
                    "required": ["file"],
                    "properties": {
                        "file": {"type": "string", "format": "binary", "description": ".xlsx or .csv"}
                    },
                }
            }
        },
    }
}
DOWNLOAD: dict[int | str, dict[str, Any]] = {
    200: {
        "content": {media: {} for media in downloads.MEDIA_TYPES.values()},
        "description": "The contacts as a file (attachment)",
    }
}
Kind = Annotated[ExportKind, Query(description="unanswered or not_called")]
Format = Annotated[ExportFormat, Query(alias="format")]


@router.post(
    "/uploads",
    response_model=UploadOut,
    status_code=201,
    responses=problems(400, 401, 403, 404, 413, 422),
    openapi_extra=UPLOAD_BODY,
)
async def upload_base(
    project_id: uuid.UUID,
    request: Request,
    principal: CurrentPrincipal,
    db: Db,
    gateway: Gateway,
    ip: ClientIp,
) -> UploadOut:
    """F-30: a multipart `file` (.xlsx or .csv). Answers the columns, the suggested mapping, every
    target field and the first rows; 413 past the size cap, 422 when the file is refused."""
    await service.managed_project(db, principal, project_id)
    await db.commit()  # no transaction stays open while the file streams in
    settings = gateway.settings
    received = await receive_upload(request, settings.uploads_dir, settings.upload_max_bytes)
    try:
        result = await service.register_upload(db, principal, project_id, received, settings, ip=ip)
        await db.commit()
    except BaseException:
        await asyncio.to_thread(received.path.unlink, True)
        raise
    return result


@router.post("", response_model=ImportAccepted, status_code=202, responses=problems(401, 403, 404, 409, 422))
async def start_base_import(
    project_id: uuid.UUID,
    body: ImportStart,
    principal: CurrentPrincipal,
    db: Db,
    gateway: Gateway,
    ip: ClientIp,
) -> ImportAccepted:
    """F-30, F-31: import an upload with the chosen mapping, tags and checks; progress and the outcome
    arrive over `/ws` (`contact_base_import_progressed`, `contact_base_import_finished`)."""
    accepted = await service.start_import(db, principal, project_id, body, gateway.settings, ip=ip)
    await db.commit()
    return accepted


@router.get("", response_model=BaseList, responses=problems(401, 403, 404))
async def list_bases(
    project_id: uuid.UUID, principal: CurrentPrincipal, db: Db, gateway: Gateway
) -> BaseList:
    """F-33: the project's bases with their statistics, and the project's totals."""
    return await service.list_bases(db, gateway.resources.engine, principal, project_id)


def _file(path: Path, filename: str, media_type: str) -> FileResponse:
    return FileResponse(
        path,
        media_type=media_type,
        filename=filename,
        headers={"Cache-Control": "no-store"},
        background=BackgroundTask(path.unlink, missing_ok=True),
    )


async def _download(
    db: Db, gateway: Gateway, principal: CurrentPrincipal, ip: str, project_id: uuid.UUID,
    base_id: uuid.UUID | None, kind: ExportKind, fmt: ExportFormat,
) -> FileResponse:  # fmt: skip
    path, filename = await downloads.export_contacts(
        db, gateway.resources.engine, principal, gateway.settings.uploads_dir,
        project_id=project_id, base_id=base_id, kind=kind, fmt=fmt, ip=ip,
    )  # fmt: skip
    try:
        await db.commit()
    except BaseException:
        await asyncio.to_thread(path.unlink, True)
        raise
    return _file(path, filename, downloads.MEDIA_TYPES[fmt])


@router.get("/export", response_class=FileResponse, responses={**DOWNLOAD, **problems(401, 403, 404)})
async def export_project_contacts(
    project_id: uuid.UUID, kind: Kind, principal: CurrentPrincipal, db: Db, gateway: Gateway, ip: ClientIp,
    fmt: Format = ExportFormat.CSV,
) -> FileResponse:  # fmt: skip
    """F-34: the project's unanswered or not-yet-called contacts, every base together."""
    return await _download(db, gateway, principal, ip, project_id, None, kind, fmt)


@router.get("/{base_id}", response_model=BaseOut, responses=problems(401, 403, 404))
async def get_base(
    project_id: uuid.UUID, base_id: uuid.UUID, principal: CurrentPrincipal, db: Db, gateway: Gateway
) -> BaseOut:
    """One base: status, import counters, the refusal reason of a failed file, statistics (F-33)."""
    return await service.get_base(db, gateway.resources.engine, principal, project_id, base_id)


@router.get(
    "/{base_id}/error-report",
    response_class=Response,
    responses={
        200: {"content": {"text/csv": {}}, "description": "Rejected rows as CSV (attachment)"},
        **problems(401, 403, 404, 409),
    },
)
async def download_error_report(
    project_id: uuid.UUID,
    base_id: uuid.UUID,
    principal: CurrentPrincipal,
    db: Db,
    gateway: Gateway,
    ip: ClientIp,
) -> Response:
    """F-35: the per-row error report (row, column, value, code, message); 409 while importing."""
    text = await service.error_report(db, principal, project_id, base_id, ip=ip)
    await db.commit()
    return Response(
        text.encode(),
        media_type="text/csv; charset=utf-8",
        headers={
            "Content-Disposition": f'attachment; filename="errors-{str(base_id)[:8]}.csv"',
            "Cache-Control": "no-store",
        },
    )


@router.get(
    "/{base_id}/export", response_class=FileResponse, responses={**DOWNLOAD, **problems(401, 403, 404)}
)
async def export_base_contacts(
    project_id: uuid.UUID, base_id: uuid.UUID, kind: Kind, principal: CurrentPrincipal, db: Db,
    gateway: Gateway, ip: ClientIp, fmt: Format = ExportFormat.CSV,
) -> FileResponse:  # fmt: skip
    """F-34: «Скачать неотвеченные / непрозвоненные контакты» of one base, CSV or XLSX."""
    return await _download(db, gateway, principal, ip, project_id, base_id, kind, fmt)


@router.post(
    "/{base_id}/remove-blacklisted", response_model=RemovedNumbers, responses=problems(401, 403, 404, 409)
)
async def remove_blacklisted_numbers(
    project_id: uuid.UUID, base_id: uuid.UUID, principal: CurrentPrincipal, db: Db, ip: ClientIp
) -> RemovedNumbers:
    """«Удалить номера (черный список)»: remove the base's contacts whose numbers are blacklisted."""
    removed = await service.remove_blacklisted(db, principal, project_id, base_id, ip=ip)
    await db.commit()
    return RemovedNumbers(removed=removed)
