"""API models of the client card (F-23, F-52, F-53)."""

import datetime as dt
import uuid

from obzvon_events.cards import CardContact, CardResultStatus, CardTemplateField
from pydantic import BaseModel, ConfigDict, Field

#: Fixed card fields stored in contact columns; anything else goes to ``custom_fields``.
FIXED_FIELDS = ("full_name", "email", "position", "city", "address", "description", "region", "birth_date")


class CardOut(BaseModel):
    """The card of the operator's current call (or of the call just ended, until it is saved): the
    parts ``card_opened`` carries, plus the state and the project's script. The number is masked where
    the project hides numbers (F-51)."""

    call_id: uuid.UUID
    project_id: uuid.UUID
    state: str
    contact: CardContact | None
    template: list[CardTemplateField]
    result_statuses: list[CardResultStatus]
    script_html: str


class ContactFields(BaseModel):
    model_config = ConfigDict(extra="forbid")

    full_name: str | None = Field(default=None, max_length=300)
    email: str | None = Field(default=None, max_length=320, pattern=r"^[^@\s]+@[^@\s]+$")
    position: str | None = Field(default=None, max_length=300)
    city: str | None = Field(default=None, max_length=200)
    address: str | None = Field(default=None, max_length=500)
    description: str | None = Field(default=None, max_length=5000)
    region: str | None = Field(default=None, max_length=200)
    birth_date: dt.date | None = None


class CardSave(BaseModel):
    """Saving the card: the result status is mandatory (F-52)."""

    model_config = ConfigDict(extra="forbid")

    fields: ContactFields = Field(default_factory=ContactFields)
    custom_fields: dict[str, str | int | float | bool | None] = Field(default_factory=dict)
    result_status_id: uuid.UUID | None = None
    comment: str | None = Field(default=None, max_length=5000)


class ManualCall(BaseModel):
    """F-45: call the card's contact through the operator's trunk; the operator's phone rings first."""

    model_config = ConfigDict(extra="forbid")

    contact_id: uuid.UUID


class ManualCallOut(BaseModel):
    call_id: uuid.UUID
