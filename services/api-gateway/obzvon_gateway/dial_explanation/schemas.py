"""API model of a contact's dial explanation (F-40)."""

import datetime as dt
import uuid

from obzvon_db.enums import RetryOutcome
from obzvon_eligibility import DialReason
from pydantic import BaseModel, Field


class RetryProgress(BaseModel):
    """Where the contact is in the retry schedule of its last outcome ("retry 2 of 4 after busy")."""

    number: int = Field(description="This retry's number: how many calls ended with the outcome so far.")
    allowed: int = Field(description="Retries the project's rule allows after this outcome.")
    after: RetryOutcome = Field(description="The outcome the rule counts.")


class DialExplanation(BaseModel):
    """The campaign engine's verdict on one contact now: the same rules the dialer applies at dial time."""

    contact_id: uuid.UUID
    project_id: uuid.UUID
    checked_at: dt.datetime = Field(description="The moment the rules were evaluated (UTC).")
    dial_now: bool = Field(description="The contact is due and may be dialled as soon as a line is free.")
    reasons: list[DialReason] = Field(description="Why it is not dialled now; empty when it is.")
    next_at: dt.datetime | None = Field(
        description="When it may next be dialled (UTC); null: never with the current settings."
    )
    next_local: dt.datetime | None = Field(
        description="The same moment in `timezone` (the client's zone, else the call centre's)."
    )
    timezone: str | None = Field(description="IANA zone of `next_local`.")
    retry: RetryProgress | None
    text_ru: str = Field(
        examples=["Следующий звонок в 14:05 по местному времени, повтор 2 из 4 после «Занято»"]
    )
    text_en: str = Field(examples=["Next at 14:05 local, retry 2 of 4 after busy"])
