"""Events about operators (F-50, F-62, F-64)."""

from uuid import UUID

from pydantic import Field

from obzvon_events.base import Event
from obzvon_events.types import UtcDatetime


class OperatorStateChanged(Event):
    """Sent by queue-router after an operator's new state is committed in Postgres.

    Covers the states an operator chooses (``active``, ``pause``, ``dnd``, ``inactive``) and the ones
    the system sets (``ringing``, ``talking``, ``in_card``, ``ringback``, ``offline``). The gateway
    pushes it to the SPA (live monitoring, the operator's status selector); reporting builds the
    time-in-state statistics from it.
    """

    name = "operator_state_changed"
    version = 1
    routing_key = "operator.state.changed"
    produced_by = "queue-router"

    operator_id: UUID = Field(description="User id of the operator.")
    state: str = Field(description="New state: active, pause, dnd, inactive, ringing, talking, in_card, …")
    previous_state: str | None = Field(default=None, description="State before the change; none at login.")
    project_ids: list[UUID] = Field(
        default_factory=list, description="Projects the operator takes calls for in the new state."
    )
    started_at: UtcDatetime = Field(description="When the new state began.")
    call_id: UUID | None = Field(default=None, description="The call behind a ringing/talking/in_card state.")
