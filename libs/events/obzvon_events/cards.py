"""Events about the client card an operator fills in after a call (F-52, F-53)."""

from typing import Any
from uuid import UUID

from pydantic import Field

from obzvon_events.base import Event
from obzvon_events.types import UtcDatetime


class CardOpened(Event):
    """Sent by queue-router when a call was connected to an operator (or an operator placed a manual
    call): the gateway pushes it to that operator's tabs, which pop the client card. The operator gets
    no further queue call until the card is saved with a result status.
    """

    name = "card_opened"
    version = 1
    routing_key = "card.card.opened"
    produced_by = "queue-router"

    operator_id: UUID = Field(description="Operator whose card pops.")
    call_id: UUID = Field(description="The call behind the card.")
    project_id: UUID
    contact_id: UUID | None = Field(default=None, description="Client card; none when not found.")
    phone: str | None = Field(default=None, description="Client number, E.164 without '+'.")
    direction: str = Field(default="out", description="out or in.")
    call_type: str = Field(default="auto", description="auto, manual, callback, inbound.")
    opened_at: UtcDatetime


class CardSaved(Event):
    """Sent by the gateway after an operator saved a card with a result status (committed): the contact's
    fields and status are updated and the operator is free for the next call.
    """

    name = "card_saved"
    version = 1
    routing_key = "card.card.saved"
    produced_by = "api-gateway"

    operator_id: UUID
    call_id: UUID | None = Field(default=None, description="The call the card was opened for.")
    project_id: UUID
    contact_id: UUID
    result_status_id: UUID = Field(description="The result status chosen (allowed in the project).")
    result_status_name: str = ""
    comment: str | None = Field(default=None, description="Comment added with the save, if any.")
    fields: dict[str, Any] = Field(default_factory=dict, description="Card fields as saved.")
    saved_at: UtcDatetime
