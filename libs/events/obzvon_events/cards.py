"""Events about the client card an operator fills in after a call (F-52, F-53)."""

import datetime as dt
from typing import Any
from uuid import UUID

from pydantic import BaseModel, ConfigDict, Field

from obzvon_events.base import Event
from obzvon_events.types import UtcDatetime


class CardContact(BaseModel):
    """The contact as the operator's card shows it (F-51): the number is masked when the project hides
    numbers from operators (``phone_hidden``)."""

    # The gateway serves it as part of the card: its OpenAPI lists every field as present.
    model_config = ConfigDict(json_schema_serialization_defaults_required=True)

    id: UUID
    phone: str = Field(description="E.164 without '+', or masked (``*********67``) when hidden.")
    phone_hidden: bool = Field(default=False, description="The project hides numbers from operators.")
    full_name: str | None = None
    email: str | None = None
    position: str | None = None
    city: str | None = None
    address: str | None = None
    description: str | None = None
    region: str | None = None
    birth_date: dt.date | None = None
    timezone: str | None = Field(default=None, description="The client's IANA zone (their local time).")
    custom_fields: dict[str, Any] = Field(default_factory=dict)
    result_status_id: UUID | None = None


class CardTemplateField(BaseModel):
    """One field of the project's card template (F-23)."""

    key: str
    label: str
    field_type: str
    position: int
    is_custom: bool
    is_required: bool


class CardResultStatus(BaseModel):
    """A result status the card may be saved with (allowed in the project, F-52)."""

    id: UUID
    name: str
    colour: str


class CardContent(Event):
    """What a card shows first (the contact, the template, the result statuses), for the operator's eyes:
    where the project hides numbers, ``phone`` and ``contact.phone`` are masked. Not an event itself:
    ``card_opened`` and ``card_prepared`` carry it."""

    operator_id: UUID = Field(description="Operator whose card pops.")
    call_id: UUID = Field(description="The call behind the card.")
    project_id: UUID
    contact_id: UUID | None = Field(default=None, description="Client card; none when not found.")
    phone: str | None = Field(
        default=None, description="Client number, E.164 without '+'; masked when the project hides numbers."
    )
    direction: str = Field(default="out", description="out or in.")
    call_type: str = Field(default="auto", description="auto, manual, callback, inbound.")
    contact: CardContact | None = Field(
        default=None,
        description="The contact as the card shows it: id, phone (masked when phone_hidden), phone_hidden, "
        "full_name, email, position, city, address, description, region, birth_date, timezone, "
        "custom_fields, result_status_id.",
    )
    template: list[CardTemplateField] = Field(
        default_factory=list,
        description="The project's card template (key, label, field_type, position, is_custom, "
        "is_required); empty: the contact's own fields.",
    )
    result_statuses: list[CardResultStatus] = Field(
        default_factory=list, description="Result statuses allowed in the project (id, name, colour)."
    )


class CardOpened(CardContent):
    """Sent by queue-router when a call was connected to an operator (or an operator placed a manual
    call): the gateway pushes it to that operator's tabs, which pop the client card. The operator gets
    no further queue call until the card is saved with a result status. For calls the dialer placed,
    the gateway also builds this message itself from ``call_connected_to_operator`` and pushes it at
    once (to the sockets only, not the bus); the tabs pop a call's card once.

    The card is drawn from the message itself; the script and the contact's context are fetched
    afterwards. ``connected_at`` is the moment card pop latency is measured from.
    """

    name = "card_opened"
    version = 1
    routing_key = "card.card.opened"
    produced_by = "queue-router"

    opened_at: UtcDatetime
    connected_at: UtcDatetime | None = Field(
        default=None,
        description="When the call was answered for the operator: ``call_connected_to_operator``'s "
        "``connected_at``, the Timestamp of the AMI event the dialer learnt it from (the operator's "
        "leg answering a queue call, or the client answering a manual call).",
    )


class CardPrepared(CardContent):
    """Pushed by the gateway to an operator's sockets only (never on the bus) when a call the dialer
    placed starts ringing for them (``operator_state_changed`` to ``ringing``): the tab draws the card
    hidden, so that it only has to show it when ``card_opened`` for the same call comes. Nothing pops
    on this message: a call offered to several operators, or not answered in time, leaves it unseen.
    """

    name = "card_prepared"
    version = 1
    routing_key = "card.card.prepared"
    produced_by = "api-gateway"


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
