"""After a campaign call ends, in the transaction that closes its attempt: the contact's status and
its next attempt by the project's retry rule for the outcome (F-26), or no more calls."""

import datetime as dt

from obzvon_db.enums import DIALABLE_CONTACT_STATUSES, CallOutcome, CallType, ContactStatus
from obzvon_db.models import Contact, Project
from obzvon_eligibility import RETRY_STATUSES, contact_state, outcome_counts, project_rules, retry_outcome
from sqlalchemy.ext.asyncio import AsyncSession

from obzvon_dialer.calls.view import CallView
from obzvon_dialer.campaign.settings import CampaignSettings


def scaled(delay: dt.timedelta, time_scale: float) -> dt.timedelta:
    return dt.timedelta(seconds=delay.total_seconds() * time_scale)


class ContactScheduler:
    def __init__(self, settings: CampaignSettings, unknown_retry_seconds: float) -> None:
        self.settings = settings
        self.unknown_retry_seconds = unknown_retry_seconds

    async def call_finished(self, session: AsyncSession, view: CallView) -> None:
        """``CallService`` hook: ``view`` has just reached a final state (its row is flushed)."""
        if view.contact_id is None or view.call_type is not CallType.AUTO or view.outcome is None:
            return
        contact = await session.get(Contact, view.contact_id, with_for_update=True, populate_existing=True)
        project = await session.get(Project, view.project_id)
        if contact is None or project is None:
            return
        now = dt.datetime.now(dt.UTC)
        status, next_at = await self._next(session, contact, project, view.outcome, now)
        if view.outcome is CallOutcome.ANSWERED:
            contact.last_operator_id = view.operator_id
        if status in DIALABLE_CONTACT_STATUSES and contact.attempts_count >= project.max_attempts:
            status, next_at = ContactStatus.DONE, None
        contact.status, contact.next_attempt_at = status, next_at
        contact.last_call_at = view.ended_at or now
        await session.flush()

    async def _next(
        self,
        session: AsyncSession,
        contact: Contact,
        project: Project,
        outcome: CallOutcome,
        now: dt.datetime,
    ) -> tuple[ContactStatus, dt.datetime | None]:
        if outcome is CallOutcome.ANSWERED:
            return ContactStatus.CALLED, None
        retry = retry_outcome(outcome)
        error_delay = dt.timedelta(seconds=self.settings.error_retry_seconds * self.settings.time_scale)
        if outcome is CallOutcome.FAILED_UNKNOWN:
            # A call lost with the dialer or the PBX link: as the reconciler says (AmiSettings).
            unknown = dt.timedelta(seconds=self.unknown_retry_seconds * self.settings.time_scale)
            return ContactStatus.ERROR, now + unknown
        if retry is None:
            return ContactStatus.ERROR, now + error_delay
        rules = await project_rules(session, project)
        rule = rules.retry_rules.get(retry)
        if rule is None:
            return RETRY_STATUSES[retry], now + error_delay
        counts = await outcome_counts(session, [contact.id])
        count = contact_state(contact, False, counts.get(contact.id, {})).outcome_counts.get(retry, 0)
        if not rule.allows_retry(count):
            return ContactStatus.DONE, None
        return RETRY_STATUSES[retry], now + scaled(rule.delay(count), self.settings.time_scale)
