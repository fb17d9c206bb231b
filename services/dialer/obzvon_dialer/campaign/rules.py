"""A project's and a contact's rows as the eligibility module's inputs (F-22, F-24, F-26)."""

import datetime as dt
from collections.abc import Mapping

import sqlalchemy as sa
from obzvon_db.enums import RetryOutcome
from obzvon_db.models import Contact, Project, ProjectRetryRule, ProjectWeekdayInterval
from sqlalchemy.ext.asyncio import AsyncSession

from obzvon_dialer.campaign.outcomes import RETRY_OUTCOMES, last_outcome
from obzvon_dialer.eligibility import ContactState, ProjectRules, RetryRule

ALL_DAY = ((dt.time(0, 0), dt.time(0, 0)),)


async def project_rules(session: AsyncSession, project: Project) -> ProjectRules:
    intervals = await session.scalars(
        sa.select(ProjectWeekdayInterval).where(ProjectWeekdayInterval.project_id == project.id)
    )
    hours: dict[int, list[tuple[dt.time, dt.time]]] = {}
    for interval in intervals:
        hours.setdefault(interval.weekday, []).append((interval.start_time, interval.end_time))
    # A project without weekday hours calls at any hour of the week (within the client window).
    weekday_hours = hours or {day: list(ALL_DAY) for day in range(7)}
    rules = await session.scalars(
        sa.select(ProjectRetryRule).where(ProjectRetryRule.project_id == project.id)
    )
    retry = {rule.outcome: RetryRule(tuple(rule.intervals_minutes), rule.max_attempts) for rule in rules}
    return ProjectRules(
        running=project.is_running and project.is_active and project.deleted_at is None,
        timezone=project.timezone,
        weekday_hours=weekday_hours,
        client_window=(project.client_window_start, project.client_window_end),
        max_attempts=project.max_attempts,
        retry_rules=retry,
        starts_on=project.starts_on,
        ends_on=project.ends_on,
        call_from_end=project.call_from_end,
    )


def contact_state(contact: Contact, blacklisted: bool, counts: Mapping[str, int]) -> ContactState:
    per_outcome: dict[RetryOutcome, int] = {}
    for outcome, retry in RETRY_OUTCOMES.items():
        per_outcome[retry] = per_outcome.get(retry, 0) + counts.get(outcome.value, 0)
    return ContactState(
        phone=contact.phone,
        timezone=contact.timezone,
        status=contact.status,
        attempts=contact.attempts_count,
        last_outcome=last_outcome(contact.status),
        outcome_counts=per_outcome,
        next_attempt_at=contact.next_attempt_at,
        blacklisted=blacklisted,
        seq=contact.seq,
    )
