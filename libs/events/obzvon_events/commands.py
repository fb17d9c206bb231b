"""Commands: requests addressed to one service (routing key ``command.<service>.<verb>``).

A command is acted upon at most once per id (the receiver de-duplicates) and may be refused when it
is stale: receivers compare ``occurred_at`` with their own deadline.
"""

from uuid import UUID

from pydantic import Field

from obzvon_events.base import Command


class OriginateCall(Command):
    """Sent to the dialer to place one call outside the campaign loop: a manual call from the card
    (F-45) or an automatic callback (F-46). The attempt row is already committed (I2).
    """

    name = "originate_call"
    version = 1
    routing_key = "command.dialer.originate"
    produced_by = "api-gateway, queue-router"

    call_id: UUID = Field(description="The committed attempt id; becomes the ChannelId.")
    project_id: UUID = Field(description="Project the call is made for.")
    contact_id: UUID | None = Field(default=None, description="Client card; none for a bare number.")
    phone: str = Field(description="Number to dial, E.164 without '+'.")
    operator_id: UUID | None = Field(default=None, description="Operator who gets the call first.")
    trunk_id: UUID | None = Field(default=None, description="Trunk; none means the project's or user's.")
    caller_id: str | None = Field(default=None, description="CallerID; none means the project's.")
    timeout_seconds: int = Field(default=30, ge=1, description="How long to let it ring.")
    call_type: str = Field(default="manual", description="manual (F-45) or callback (F-46).")


class ConnectCall(Command):
    """Sent by queue-router to the dialer: ring this operator's extension and bridge it with the
    waiting call (F-43). The operator timeout is queue-router's; it sends another ``connect_call``
    for the next operator.
    """

    name = "connect_call"
    version = 1
    routing_key = "command.dialer.connect"
    produced_by = "queue-router"

    call_id: UUID = Field(description="The waiting call.")
    operator_id: UUID = Field(description="Operator picked by the queue strategy.")
    extension: str = Field(description="Operator's internal extension.")
    timeout_seconds: int = Field(default=15, ge=1, description="Operator timeout.")
    auto_answer: bool = Field(default=False, description="Ask the phone to answer by itself (F-25).")
    ring_all: list[str] = Field(
        default_factory=list,
        description="Strategy ring_all: every extension to ring at once (``extension`` among them); the "
        "first to answer is bridged. Empty: ring ``extension`` only.",
    )


class HangupCall(Command):
    """Sent to the dialer to hang up a call: the queue timeout dropped it as lost, a supervisor ended
    it, or the operator pressed hangup in the SPA.
    """

    name = "hangup_call"
    version = 1
    routing_key = "command.dialer.hangup"
    produced_by = "queue-router, api-gateway"

    call_id: UUID = Field(description="The call to end.")
    reason: str = Field(description="queue_timeout, operator, supervisor, system.")


class ImportContactBase(Command):
    """Sent by the gateway to reporting when a user starts the import of an uploaded base (F-30, F-31,
    F-35): the base row (status ``processing``, with its name, tags and mapping chosen) and the stored
    file are committed; reporting imports the file into that base, once.
    """

    name = "import_contact_base"
    version = 1
    routing_key = "command.reporting.import_base"
    produced_by = "api-gateway"

    base_id: UUID = Field(description="The contact base to fill (status processing).")
    project_id: UUID = Field(description="Project of the base.")
    stored_path: str = Field(description="Absolute path of the stored upload (a generated name).")
    file_name: str = Field(description="The user's file name; only its extension is used.")
    mapping: dict[str, str] = Field(description="Column label → card field, custom:<key> or ignore.")
    tags: list[str] = Field(default_factory=list, description="Tags for the base and its contacts.")
    dedupe: bool = Field(default=True, description="False also lists each skipped duplicate in the report.")
    remove_blacklisted: bool = Field(default=True, description="Leave blacklisted numbers out.")
    uploaded_by: UUID | None = Field(default=None, description="Who started the import.")
