"""Inputs of the eligibility rules: a project's dialling settings and a contact's dialling state."""

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from obzvon_db.enums import DIALABLE_CONTACT_STATUSES, ContactStatus, RetryOutcome

from obzvon_eligibility.retry import RetryRule
from obzvon_eligibility.windows import DateRange, WeeklyHours, Window, daily, every_russian_zone


@dataclass(frozen=True)
class ProjectRules:
    """What a project says about whom to call and when (F-22, F-24, F-26).

    ``timezone`` is the call-centre zone of the dates and weekday hours; ``client_window`` is in each
    client's own zone; ``weekday_hours`` maps 0 = Monday to intervals (end exclusive, 00:00 = midnight).
    """

    running: bool
    timezone: str
    weekday_hours: Mapping[int, Sequence[tuple[dt.time, dt.time]]]
    client_window: tuple[dt.time, dt.time]
    max_attempts: int
    retry_rules: Mapping[RetryOutcome, RetryRule] = field(default_factory=dict)
    starts_on: dt.date | None = None
    ends_on: dt.date | None = None
    call_from_end: bool = False

    def windows(self, client_zone: str | None) -> list[Window]:
        """Every window a call to a client in ``client_zone`` (``None``: unknown) must fall in."""
        start, end = self.client_window
        client = daily(client_zone, start, end) if client_zone else every_russian_zone(start, end)
        return [
            DateRange(self.timezone, self.starts_on, self.ends_on),
            WeeklyHours(self.timezone, self.weekday_hours),
            client,
        ]


@dataclass(frozen=True)
class ContactState:
    """A contact as the dialer sees it; ``outcome_counts`` counts its calls per retry outcome."""

    phone: str
    timezone: str | None = None
    status: ContactStatus = ContactStatus.NEW
    attempts: int = 0
    last_outcome: RetryOutcome | None = None
    outcome_counts: Mapping[RetryOutcome, int] = field(default_factory=dict)
    next_attempt_at: dt.datetime | None = None
    blacklisted: bool = False
    seq: int = 0

    @property
    def dialable_status(self) -> bool:
        return self.status in DIALABLE_CONTACT_STATUSES


def dial_order_key(contact: ContactState, call_from_end: bool) -> tuple[int]:
    """Sort key of due contacts: base order (``seq``), reversed for "call the base from the end" (F-22)."""
    return (-contact.seq,) if call_from_end else (contact.seq,)
