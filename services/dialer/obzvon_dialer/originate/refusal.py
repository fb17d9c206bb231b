"""A call the dialer refused to place, and what an operator waiting on it learns (F-45).

An operator who pressed «Позвонить» is in «Слушает гудки» from the moment the command was sent. When
the dialer refuses the call (no trunk, no phone for the operator, the contact already on a live call),
no channel will ever end, so the refusal itself ends the call: a ``call_ended`` with outcome
``failed`` and no answer. queue-router then moves the operator to the card, as after any failed
manual call, and reporting keeps the attempt in the operator's history.
"""

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

from obzvon_db.enums import CallOutcome
from obzvon_events.calls import CallEnded

from obzvon_dialer.originate.repository import Registered

if TYPE_CHECKING:
    from obzvon_dialer.originate.service import CallRequest


@dataclass(frozen=True)
class Refusal:
    """Why a call was not placed (already logged and counted)."""

    reason: str

    @property
    def ends_the_call(self) -> bool:
        """False when the attempt exists already (a repeated command): that call goes on."""
        return self.reason != Registered.ALREADY.value


def refused_call_ended(request: "CallRequest", reason: str) -> CallEnded:
    now = dt.datetime.now(dt.UTC)
    return CallEnded(
        call_id=request.attempt_id,
        project_id=request.project_id,
        contact_id=request.contact_id,
        outcome=CallOutcome.FAILED.value,
        hangup_cause_text=f"refused: {reason}",
        hangup_by="system",
        started_at=now,
        ended_at=now,
        phone=request.phone,
        caller_id=request.caller_id,
        call_type=request.call_type.value,
        trunk_id=request.trunk_id,
    )
