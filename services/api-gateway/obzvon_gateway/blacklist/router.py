"""HTTP: the global blacklist (F-70)."""

import uuid
from typing import Annotated

from fastapi import APIRouter, Query, Request, Response, UploadFile
from obzvon_platform.problem import wants_english

from obzvon_gateway.auth.dependencies import CurrentPrincipal
from obzvon_gateway.blacklist import service
from obzvon_gateway.blacklist.schemas import BlacklistAdd, BlacklistEntryOut, BlacklistPage, UploadReport
from obzvon_gateway.deps import ClientIp, Db
from obzvon_gateway.openapi import problems

router = APIRouter(prefix="/api/blacklist", tags=["blacklist"])


@router.get("", response_model=BlacklistPage, responses=problems(401))
async def search_blacklist(
    principal: CurrentPrincipal,
    db: Db,
    q: Annotated[str | None, Query(max_length=100)] = None,
    page: Annotated[int, Query(ge=1, le=1_000_000)] = 1,
    per_page: Annotated[int, Query(ge=1, le=500)] = 50,
) -> BlacklistPage:
    """Numbers containing the digits of `q` (a complete number matches in any format)."""
    entries, total = await service.search(db, q, page, per_page)
    return BlacklistPage(
        items=[BlacklistEntryOut.model_validate(e) for e in entries],
        total=total,
        page=page,
        per_page=per_page,
    )


@router.post("", response_model=BlacklistEntryOut, status_code=201, responses=problems(401, 409))
async def add_to_blacklist(
    body: BlacklistAdd, principal: CurrentPrincipal, db: Db, ip: ClientIp
) -> BlacklistEntryOut:
    entry = await service.add(db, principal, body.phone, body.comment, ip=ip)
    await db.commit()
    return BlacklistEntryOut.model_validate(entry)


@router.post("/upload", response_model=UploadReport, responses=problems(401, 403, 413))
async def upload_blacklist(
    file: UploadFile, request: Request, principal: CurrentPrincipal, db: Db, ip: ClientIp
) -> UploadReport:
    """A CSV/TXT file, one number per line; the report lists rejected rows (row, value, message)."""
    data = await file.read(service.MAX_UPLOAD_BYTES + 1)
    report = await service.upload(db, principal, data, english=wants_english(request), ip=ip)
    await db.commit()
    return report


@router.get(
    "/export",
    response_class=Response,
    responses={**problems(401, 403), 200: {"content": {"text/csv": {}}, "description": "The list as CSV"}},
)
async def export_blacklist(principal: CurrentPrincipal, db: Db, ip: ClientIp) -> Response:
    body = await service.export(db, principal, ip=ip)
    await db.commit()
    return Response(
        body,
        media_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": 'attachment; filename="blacklist.csv"'},
    )


@router.delete("/{entry_id}", status_code=204, responses=problems(401, 403, 404))
async def delete_from_blacklist(
    entry_id: uuid.UUID, principal: CurrentPrincipal, db: Db, ip: ClientIp
) -> Response:
    await service.delete(db, principal, entry_id, ip=ip)
    await db.commit()
    return Response(status_code=204)
