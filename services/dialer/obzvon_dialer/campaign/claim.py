"""Claiming a project's due contacts for calls (F-40, I1, I2), in the caller's transaction: the next
contacts in base order (reversed for "call from the end") are locked with ``FOR UPDATE SKIP LOCKED``,
each is checked against the eligibility rules at dial time (windows, retry rules, blacklist, emergency
numbers), and those that may be dialled get an attempt row. Contacts that may not are parked: a final
status for a reason that never goes away, else the moment they may be dialled.
"""

import datetime as dt
import uuid
from collections.abc import Awaitable, Callable

from obzvon_db.enums import CallType, ContactStatus
from obzvon_db.models import Project
from obzvon_eligibility import DialReason, contact_state, explain, outcome_counts, project_rules
from sqlalchemy.ext.asyncio import AsyncSession

from obzvon_dialer.ami.actions import OriginateSpec
from obzvon_dialer.campaign import repository
from obzvon_dialer.originate.service import CallRequest

#: Registers one call's attempt in the transaction (``Originator.register``).
Register = Callable[[AsyncSession, CallRequest], Awaitable[OriginateSpec | None]]

#: Reasons that never go away by waiting: the contact gets a final status.
FINAL = {
    DialReason.BLACKLISTED: ContactStatus.BLACKLISTED,
    DialReason.EMERGENCY_NUMBER: ContactStatus.BLACKLISTED,
    DialReason.MAX_ATTEMPTS: ContactStatus.DONE,
    DialReason.OUTCOME_ATTEMPTS_EXHAUSTED: ContactStatus.DONE,
}


async def claim(
    session: AsyncSession,
    project: Project,
    wanted: int,
    register: Register,
    now: dt.datetime | None = None,
) -> list[OriginateSpec]:
    """Up to ``wanted`` calls of ``project`` to originate once the transaction commits."""
    rules = await project_rules(session, project)
    now = now or dt.datetime.now(dt.UTC)
    picked = await repository.pick_contacts(
        session, project.id, wanted * 2, from_end=project.call_from_end, max_attempts=project.max_attempts
    )
    counts = await outcome_counts(session, [c.id for c, _ in picked])
    specs: list[OriginateSpec] = []
    for contact, blacklisted in picked:
        if len(specs) >= wanted:
            break
        verdict = explain(contact_state(contact, blacklisted, counts.get(contact.id, {})), rules, now)
        if not verdict.dial_now:
            final = next((FINAL[r] for r in verdict.reasons if r in FINAL), None)
            next_at = None if final is not None else verdict.next_at
            if final is not None or next_at is not None:
                await repository.park(session, contact.id, status=final, next_at=next_at)
            continue
        request = CallRequest(
            attempt_id=uuid.uuid4(),
            project_id=project.id,
            contact_id=contact.id,
            phone=contact.phone,
            call_type=CallType.AUTO,
        )
        spec = await register(session, request)
        if spec is not None:
            specs.append(spec)
    await repository.mark_dialled(session, [s.contact_id for s in specs if s.contact_id is not None])
    return specs
