"""HTTP: ``GET /api/calls/{call_id}/recording`` streams the WAV, with byte ranges for seeking (F-47).

A playback (or download) is audited once: on the request that starts at the first byte; the range
requests a player makes while seeking are not new playbacks.
"""

import uuid
from pathlib import Path
from typing import Annotated

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import FileResponse

from obzvon_gateway.auth.dependencies import CurrentPrincipal
from obzvon_gateway.deps import ClientIp, Db
from obzvon_gateway.openapi import problems
from obzvon_gateway.recordings import service
from obzvon_gateway.recordings.settings import recordings_dir

router = APIRouter(prefix="/api/calls", tags=["recordings"])

RecordingsDir = Annotated[Path, Depends(recordings_dir)]


def starts_playback(request: Request) -> bool:
    """No Range, or a range from byte 0."""
    value = request.headers.get("range", "").strip().lower()
    if not value:
        return True
    return value.startswith("bytes=0-") or value == "bytes=0"


@router.get(
    "/{call_id}/recording",
    response_class=FileResponse,
    responses={
        200: {"content": {"audio/wav": {}}, "description": "The recording (WAV)"},
        206: {"content": {"audio/wav": {}}, "description": "The requested byte range"},
        **problems(401, 404),
    },
)
async def get_call_recording(
    call_id: uuid.UUID,
    request: Request,
    principal: CurrentPrincipal,
    db: Db,
    ip: ClientIp,
    root: RecordingsDir,
    download: Annotated[bool, Query(description="Send as an attachment to save")] = False,
) -> FileResponse:
    path = await service.open_recording(db, principal, call_id, root)
    if starts_playback(request):
        await service.audit_playback(db, principal, call_id, ip, download=download)
        await db.commit()
    return FileResponse(
        path,
        media_type="audio/wav",
        filename=f"call-{call_id}.wav",
        content_disposition_type="attachment" if download else "inline",
    )
