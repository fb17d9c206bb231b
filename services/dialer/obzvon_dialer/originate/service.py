"""Placing one outbound call (F-40): the attempt is committed in ``originating`` BEFORE the Originate
(I2) and refused when the contact already has a live attempt (I1); Originate goes out once, with
``ChannelId`` = the attempt id, and is never re-sent. Its reply decides:

A manual call (F-45) rings the operator's phone first, then the client through the trunk.

- queued: the call is under way; its AMI events tell the rest;
- refused by Asterisk, or not sent at all (no AMI connection): the attempt ends as ``failed``;
- no reply (the connection dropped, a timeout): unknown — the reconciler adopts the channel if it
  exists, or closes the attempt as ``failed_unknown`` once its lease expires.
"""

import uuid
from dataclasses import dataclass

import structlog
from obzvon_db.enums import CallOutcome, CallType
from sqlalchemy.ext.asyncio import AsyncSession

from obzvon_dialer.ami import actions
from obzvon_dialer.ami.actions import OriginateSpec
from obzvon_dialer.ami.connection import AmiConnection, AmiNotConnectedError
from obzvon_dialer.calls.service import CallService
from obzvon_dialer.metrics import ORIGINATES
from obzvon_dialer.originate import repository
from obzvon_dialer.originate.refusal import Refusal
from obzvon_dialer.originate.repository import Registered
from obzvon_dialer.settings import AmiSettings

log = structlog.get_logger(__name__)


@dataclass(frozen=True)
class CallRequest:
    attempt_id: uuid.UUID
    project_id: uuid.UUID
    contact_id: uuid.UUID
    phone: str
    call_type: CallType = CallType.AUTO
    operator_id: uuid.UUID | None = None
    trunk_id: uuid.UUID | None = None
    caller_id: str | None = None
    timeout_seconds: int | None = None


class Originator:
    def __init__(self, settings: AmiSettings, connection: AmiConnection, calls: CallService) -> None:
        self.settings = settings
        self.connection = connection
        self.calls = calls

    async def register(self, session: AsyncSession, request: CallRequest) -> OriginateSpec | Refusal:
        """Commit-side half, in the caller's transaction: the attempt row and what to send once the
        transaction commits, or why the call must not be placed (logged)."""
        bound = log.bind(call_id=str(request.attempt_id), contact_id=str(request.contact_id))
        project = await repository.project(session, request.project_id)
        if project is None or project.deleted_at is not None:
            bound.warning("originate.refused", reason="no_project")
            ORIGINATES.labels("refused_no_project").inc()
            return Refusal("no_project")
        trunk = await repository.trunk_for(session, request.trunk_id, request.operator_id, project.trunk_id)
        if trunk is None:
            bound.warning("originate.refused", reason="no_trunk")
            ORIGINATES.labels("refused_no_trunk").inc()
            return Refusal("no_trunk")
        extension = None
        if request.call_type is CallType.MANUAL and request.operator_id is not None:
            # F-45: the operator's phone rings first; an operator without a phone cannot call.
            extension = await repository.extension_of(session, request.operator_id)
            if not extension:
                bound.warning("originate.refused", reason="no_operator_extension")
                ORIGINATES.labels("refused_no_extension").inc()
                return Refusal("no_operator_extension")
        timeout = request.timeout_seconds or project.dial_timeout_s
        caller_id = request.caller_id or project.caller_id
        registered = await repository.register_attempt(
            session,
            attempt_id=request.attempt_id,
            project_id=request.project_id,
            contact_id=request.contact_id,
            phone=request.phone,
            call_type=request.call_type,
            operator_id=request.operator_id,
            trunk_id=trunk,
            caller_id=caller_id,
            lease_seconds=timeout + self.settings.lease_seconds,
            instance=self.settings.instance_id,
        )
        if registered is not Registered.NEW:
            bound.warning("originate.refused", reason=registered.value)
            ORIGINATES.labels(f"refused_{registered.value}").inc()
            return Refusal(registered.value)
        return OriginateSpec(
            attempt_id=request.attempt_id,
            project_id=request.project_id,
            contact_id=request.contact_id,
            phone=request.phone,
            trunk_id=trunk,
            caller_id=caller_id,
            timeout_seconds=timeout,
            record=project.record_calls,
            amd=project.amd_enabled,
            max_wait_seconds=project.queue_timeout_s,
            operator_timeout_seconds=project.operator_timeout_s,
            auto_answer=project.auto_answer,
            operator_extension=extension,
        )

    async def send(self, spec: OriginateSpec) -> str:
        """Send the Originate of a committed attempt, once. Returns queued, refused, not_sent or unknown."""
        bound = log.bind(call_id=str(spec.attempt_id))
        try:
            reply = await self.connection.send_single(actions.originate(spec))
        except AmiNotConnectedError:
            result = "not_sent"
        except (TimeoutError, ConnectionError, RuntimeError) as exc:
            bound.warning("originate.no_reply", error=repr(exc))
            ORIGINATES.labels("unknown").inc()
            return "unknown"
        else:
            result = "queued" if reply.success else "refused"
            if not reply.success:
                bound.warning("originate.refused_by_pbx", message=str(reply.get("Message", "")))
        ORIGINATES.labels(result).inc()
        if result != "queued":
            await self.calls.close(spec.attempt_id, CallOutcome.FAILED)
        return result
