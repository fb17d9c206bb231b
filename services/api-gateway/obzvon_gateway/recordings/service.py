"""Who may hear a call's recording, and where its file is.

An admin hears every call, a supervisor the calls of the projects they supervise, an operator the calls
they talked in. Anything else — another operator's call, a call without a recording, a missing file —
is "not found" (404), so the answer never tells that the call exists.
"""

import uuid
from pathlib import Path, PurePath

from obzvon_db.models import Call
from obzvon_platform.problem import not_found
from sqlalchemy.ext.asyncio import AsyncSession

from obzvon_gateway.audit import record_audit
from obzvon_gateway.auth.principal import Principal
from obzvon_gateway.recordings import repository


async def may_hear(db: AsyncSession, principal: Principal, call: Call) -> bool:
    if principal.is_admin:
        return True
    if principal.is_supervisor:
        return call.project_id is not None and await principal.can_see_project(db, call.project_id)
    return call.operator_id is not None and call.operator_id == principal.user_id


def recording_file(root: Path, name: str | None) -> Path | None:
    """The recording inside ``root``; None for an empty, escaping or missing name."""
    if not name:
        return None
    relative = PurePath(name)
    if relative.is_absolute() or ".." in relative.parts:
        return None
    base = root.resolve()
    path = (base / relative).resolve()
    if not path.is_relative_to(base) or not path.is_file():
        return None
    return path


async def open_recording(db: AsyncSession, principal: Principal, call_id: uuid.UUID, root: Path) -> Path:
    call = await repository.find_call(db, call_id)
    if call is None or not await may_hear(db, principal, call):
        raise not_found("recording")
    path = recording_file(root, call.recording_path)
    if path is None:
        raise not_found("recording")
    return path


async def audit_playback(
    db: AsyncSession, principal: Principal, call_id: uuid.UUID, ip: str, *, download: bool
) -> None:
    action = "call.recording.download" if download else "call.recording.play"
    await record_audit(db, action, actor_id=principal.user_id, ip=ip, object_type="call", object_id=call_id)
