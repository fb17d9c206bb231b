"""The eligibility inputs read from the database (F-22, F-24, F-26, F-40): a project's rules, a
contact's dialling state with its outcome counts, and :func:`explain_contact`, the explanation the
dialer acts on and the gateway serves."""

import datetime as dt
import uuid
from collections.abc import Mapping, Sequence

import sqlalchemy as sa
from obzvon_db.enums import RetryOutcome
from obzvon_db.models import (
    Attempt,
    BlacklistEntry,
    Contact,
    Project,
    ProjectRetryRule,
    ProjectWeekdayInterval,
)
from sqlalchemy.ext.asyncio import AsyncSession

from obzvon_eligibility.explain import Explanation, explain
from obzvon_eligibility.outcomes import RETRY_OUTCOMES, last_outcome
from obzvon_eligibility.retry import RetryRule
from obzvon_eligibility.rules import ContactState, ProjectRules

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


async def outcome_counts(
    session: AsyncSession, contact_ids: Sequence[uuid.UUID]
) -> dict[uuid.UUID, dict[str, int]]:
    """Per contact, how many of its finished calls ended with each outcome a retry rule counts."""
    if not contact_ids:
        return {}
    rows = await session.execute(
        sa.select(Attempt.contact_id, Attempt.outcome, sa.func.count())
        .where(Attempt.contact_id.in_(contact_ids), Attempt.outcome.in_(list(RETRY_OUTCOMES)))
        .group_by(Attempt.contact_id, Attempt.outcome)
    )
    counts: dict[uuid.UUID, dict[str, int]] = {}
    for contact_id, outcome, count in rows:
        counts.setdefault(contact_id, {})[str(outcome)] = int(count)
    return counts


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


async def explain_contact(
    session: AsyncSession, contact_id: uuid.UUID, now: dt.datetime | None = None
) -> Explanation | None:
    """Why a contact is or is not dialled at ``now`` (default: the current time) and when it next
    will be; None for an unknown or deleted contact."""
    contact = await session.get(Contact, contact_id)
    if contact is None or contact.deleted_at is not None:
        return None
    project = await session.get(Project, contact.project_id)
    if project is None:
        return None
    blacklisted = bool(
        await session.scalar(sa.select(sa.exists().where(BlacklistEntry.phone == contact.phone)))
    )
    counts = await outcome_counts(session, [contact.id])
    state = contact_state(contact, blacklisted, counts.get(contact.id, {}))
    return explain(state, await project_rules(session, project), now or dt.datetime.now(dt.UTC))
