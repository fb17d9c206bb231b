"""Telephony events, produced by the dialer from AMI (F-40…F-47, F-61).

``call_id`` is the attempt id for outbound calls — the same UUID is the Asterisk ``ChannelId`` of the
client leg — and a fresh id for inbound calls. Times come from Asterisk's event ``Timestamp``.
"""

from uuid import UUID

from pydantic import BaseModel, Field

from obzvon_events.base import Event
from obzvon_events.types import CallId, ContactId, ProjectId, UtcDatetime


class CallOriginated(Event):
    """Sent after the dialer committed the attempt and Asterisk accepted the ``Originate`` (I2)."""

    name = "call_originated"
    version = 1
    routing_key = "telephony.call.originated"
    produced_by = "dialer"

    call_id: CallId
    project_id: ProjectId
    contact_id: ContactId = None
    phone: str = Field(description="Dialled number, E.164 without '+'.")
    trunk_id: UUID | None = Field(default=None, description="Outbound trunk used.")
    caller_id: str | None = Field(default=None, description="CallerID presented to the client.")
    operator_id: UUID | None = Field(default=None, description="Set for manual calls and callbacks.")
    call_type: str = Field(default="auto", description="auto, manual, callback, robot.")
    originated_at: UtcDatetime = Field(description="When Asterisk accepted the Originate.")


class CallRinging(Event):
    """Sent when the client's phone starts ringing (early media / 180 Ringing)."""

    name = "call_ringing"
    version = 1
    routing_key = "telephony.call.ringing"
    produced_by = "dialer"

    call_id: CallId
    project_id: ProjectId
    ringing_at: UtcDatetime = Field(description="When ringing started.")


class CallAmdResult(Event):
    """Sent when answering-machine detection finished for an answered call (F-42).

    A ``MACHINE`` result is followed by the dialer's hangup and ``call_ended`` with outcome ``machine``.
    """

    name = "call_amd_result"
    version = 1
    routing_key = "telephony.amd.completed"
    produced_by = "dialer"

    call_id: CallId
    project_id: ProjectId
    status: str = Field(description="Asterisk AMDSTATUS: HUMAN, MACHINE, NOTSURE, HANGUP.")
    cause: str | None = Field(default=None, description="Asterisk AMDCAUSE, e.g. 'TOOLONG-5000'.")
    detected_at: UtcDatetime = Field(description="When AMD finished.")


class CallAnswered(Event):
    """Sent when a human answered (after AMD said HUMAN or NOTSURE, or without AMD) or an inbound call
    entered the project's queue; the call now waits on music on hold for queue-router to pick an operator.
    """

    name = "call_answered"
    version = 1
    routing_key = "telephony.call.answered"
    produced_by = "dialer"

    call_id: CallId
    project_id: ProjectId
    contact_id: ContactId = None
    phone: str = Field(description="Client number, E.164 without '+'.")
    direction: str = Field(default="out", description="out or in.")
    operator_id: UUID | None = Field(default=None, description="Operator the call is pinned to, if any.")
    answered_at: UtcDatetime = Field(description="When the client answered or the inbound call arrived.")
    trunk_id: UUID | None = Field(default=None, description="Inbound: the trunk the call came in on.")
    did: str | None = Field(default=None, description="Inbound: the number the client dialled.")


class CallConnectedToOperator(Event):
    """Sent when the operator's leg answered and was bridged with the client (after ``connect_call``).

    The gateway pops the card; queue-router moves the operator to ``talking``.
    """

    name = "call_connected_to_operator"
    version = 1
    routing_key = "telephony.call.connected"
    produced_by = "dialer"

    call_id: CallId
    project_id: ProjectId
    contact_id: ContactId = None
    operator_id: UUID = Field(description="Operator bridged with the client.")
    extension: str = Field(description="Operator's internal extension that answered.")
    connected_at: UtcDatetime = Field(description="When the bridge was made.")


class CallEnded(Event):
    """Sent once per call when its last channel hung up; reporting writes the call record from it."""

    name = "call_ended"
    version = 1
    routing_key = "telephony.call.ended"
    produced_by = "dialer"

    call_id: CallId
    project_id: ProjectId
    contact_id: ContactId = None
    operator_id: UUID | None = Field(default=None, description="Operator who talked to the client, if any.")
    outcome: str = Field(
        description="answered, busy, no_answer, rejected, congestion, failed, machine, abandoned, "
        "failed_unknown."
    )
    hangup_cause: int | None = Field(default=None, description="Q.850 cause code from Asterisk.")
    hangup_cause_text: str | None = Field(default=None, description="Asterisk's text for the cause.")
    hangup_by: str | None = Field(default=None, description="client, operator or system.")
    started_at: UtcDatetime = Field(description="When the call was originated or arrived.")
    answered_at: UtcDatetime | None = Field(default=None, description="When the client answered.")
    connected_at: UtcDatetime | None = Field(default=None, description="When an operator was bridged.")
    ended_at: UtcDatetime = Field(description="When the last channel hung up.")
    recording: str | None = Field(default=None, description="Recording file name, if recorded.")
    phone: str | None = Field(default=None, description="Client number, E.164 without '+'.")
    caller_id: str | None = Field(default=None, description="CallerID presented to the client.")
    call_type: str = Field(default="auto", description="auto, manual, callback, robot, inbound.")
    direction: str = Field(default="out", description="out or in.")
    trunk_id: UUID | None = Field(default=None, description="Trunk the call went through.")
    extension: str | None = Field(default=None, description="Extension of the operator who talked.")


class CallOperatorMissed(Event):
    """Sent when an operator's phone was rung for a waiting call (``connect_call``) and did not answer:
    ``ObzvonOperatorDial`` with BUSY, NOANSWER, CHANUNAVAIL or CONGESTION. The client is back on hold;
    queue-router offers the call to the next operator by the project's strategy (F-43).
    """

    name = "call_operator_missed"
    version = 1
    routing_key = "telephony.operator.missed"
    produced_by = "dialer"

    call_id: CallId
    project_id: ProjectId
    operator_id: UUID | None = Field(default=None, description="Operator who was rung, if known.")
    extension: str = Field(description="Extension that was rung.")
    dial_status: str = Field(description="Asterisk DIALSTATUS: BUSY, NOANSWER, CHANUNAVAIL, CONGESTION.")
    missed_at: UtcDatetime = Field(description="When the operator's dial ended.")


class CallAbandoned(Event):
    """Sent by queue-router when a waiting call left the queue without an operator: the queue timeout
    ran out (queue-router then asks the dialer to hang up) or the client hung up while waiting. Counts
    as a lost call (F-43, F-64).
    """

    name = "call_abandoned"
    version = 1
    routing_key = "queue.call.abandoned"
    produced_by = "queue-router"

    call_id: CallId
    project_id: ProjectId
    contact_id: ContactId = None
    reason: str = Field(description="queue_timeout or client_hangup.")
    waited_seconds: float = Field(ge=0, description="How long the client waited in the queue.")
    abandoned_at: UtcDatetime = Field(description="When the call left the queue.")


class QueueWaitingCall(BaseModel):
    """One call waiting in a project's queue (part of ``queue_updated``)."""

    call_id: UUID
    position: int = Field(ge=1, description="1 for the call served next.")
    phone: str | None = None
    contact_id: UUID | None = None
    waiting_since: UtcDatetime = Field(description="When the call joined the queue.")
    offered_to: list[UUID] = Field(default_factory=list, description="Operators being rung now.")


class QueueUpdated(Event):
    """Sent (best effort, published directly) by queue-router whenever a project's waiting queue changes:
    a call joined, was offered, connected or left. Live monitoring shows it (F-64).
    """

    name = "queue_updated"
    version = 1
    routing_key = "queue.waiting.updated"
    produced_by = "queue-router"

    project_id: ProjectId
    strategy: str = Field(description="The project's ring strategy.")
    calls: list[QueueWaitingCall] = Field(default_factory=list, description="In the order they are served.")
