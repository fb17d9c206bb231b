"""In-memory state of the waiting queues: rebuilt from Postgres at start (I4), never the truth."""

import datetime as dt
import uuid
from dataclasses import dataclass, field

from obzvon_db.enums import CallType


@dataclass
class Offer:
    """Operators being rung for one call (one, or everyone for ring_all) until ``deadline`` (monotonic)."""

    operator_ids: list[uuid.UUID]
    deadline: float


@dataclass
class WaitingCall:
    """An answered call on hold for an operator.

    ``pinned_to``: only this operator may take it (F-25). ``preferred``: this operator is tried first
    and the call goes to the general queue when they cannot take it (a callback, F-46).
    """

    call_id: uuid.UUID
    project_id: uuid.UUID
    contact_id: uuid.UUID | None
    phone: str | None
    direction: str
    call_type: CallType
    joined_at: dt.datetime
    deadline: float
    pinned_to: uuid.UUID | None = None
    preferred: uuid.UUID | None = None
    tried: set[uuid.UUID] = field(default_factory=set)
    offer: Offer | None = None
    next_pass_at: float = 0.0
    #: A new pass is due at ``next_pass_at`` (the timer loop wakes for it).
    pass_due: bool = False
