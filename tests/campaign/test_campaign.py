"""The campaign loop dials a running project's base by the eligibility rules and the retry schedules
(F-26, F-40), never dials blacklisted or emergency numbers, and hangs calls up at the global timeout."""

import datetime as dt

import sqlalchemy as sa
from obzvon_db.enums import AttemptState, CallOutcome, ContactStatus, RetryOutcome
from obzvon_db.models import Attempt, BlacklistEntry, Contact
from obzvon_dialer.runtime import Telephony
from obzvon_eligibility import DialReason, Explanation, explain_contact
from obzvon_pbx_sim import PbxSim

from tests.campaign.stack import (
    Sessions,
    add_contacts,
    attempts_of,
    contact,
    eventually,
    originated,
    phone_ending,
    running_project,
    set_running,
)


async def test_each_contact_is_dialled_by_its_retry_rule(
    dialer: Telephony, sessions: Sessions, sim: PbxSim
) -> None:
    """F-26: busy is retried once after 1 minute (scaled), then the contact is done; no answer allows a
    single call; a congested call waits for the error delay; nobody is dialled twice at once."""
    project = await running_project(
        sessions,
        retry={RetryOutcome.BUSY: ([1], 2), RetryOutcome.NO_ANSWER: ([1], 1)},
    )
    busy, no_answer, congested = await add_contacts(
        sessions, project, [phone_ending(1), phone_ending(2), phone_ending(4)]
    )
    await set_running(sessions, project)

    async def settled() -> bool:
        rows = [await contact(sessions, c.id) for c in (busy, no_answer, congested)]
        return [r.status for r in rows] == [ContactStatus.DONE, ContactStatus.DONE, ContactStatus.ERROR]

    await eventually(settled, within=30)
    assert (
        originated(sim, busy.phone),
        originated(sim, no_answer.phone),
        originated(sim, congested.phone),
    ) == (
        2,
        1,
        1,
    )
    first, second = [e for e in sim.ledger.entries if e.number == busy.phone]
    assert (second.received_at - first.received_at).total_seconds() >= 0.6  # 1 minute × 0.01
    rows = {c.id: await contact(sessions, c.id) for c in (busy, no_answer, congested)}
    assert [rows[c.id].attempts_count for c in (busy, no_answer, congested)] == [2, 1, 1]
    assert rows[congested.id].next_attempt_at is not None
    assert rows[congested.id].next_attempt_at > dt.datetime.now(dt.UTC) + dt.timedelta(hours=1)
    outcomes = sorted(str(a.outcome) for a in await attempts_of(sessions, project))
    assert outcomes == ["busy", "busy", "congestion", "no_answer"]
    assert all(
        a.state in (AttemptState.FINISHED, AttemptState.FAILED) for a in await attempts_of(sessions, project)
    )

    explanation = await _explain(sessions, busy)
    assert not explanation.dial_now and DialReason.STATUS_NOT_DIALABLE in explanation.reasons


async def _explain(sessions: Sessions, row: Contact) -> Explanation:
    async with sessions() as db:
        explanation = await explain_contact(db, row.id)
    assert explanation is not None
    return explanation


async def test_blacklisted_and_emergency_numbers_are_never_dialled(
    dialer: Telephony, sessions: Sessions, sim: PbxSim
) -> None:
    """Blacklisted after upload (F-70) and emergency/service numbers (whatever the base says: the
    phone check of the table is lifted here to let "112" in) are not dialled; the others are."""
    project = await running_project(sessions)
    witness, listed = await add_contacts(sessions, project, [phone_ending(3), phone_ending(3)])
    async with sessions() as db:
        await db.execute(sa.text("ALTER TABLE contacts DROP CONSTRAINT IF EXISTS ck_contacts_phone_digits"))
        emergency = Contact(project_id=project.id, phone="112", timezone="Europe/Moscow")
        db.add_all([emergency, BlacklistEntry(phone=listed.phone)])
        await db.commit()
    before = await _explain(sessions, listed)
    assert DialReason.BLACKLISTED in before.reasons
    await set_running(sessions, project)

    async def witness_done() -> bool:
        return (await contact(sessions, witness.id)).status == ContactStatus.NO_ANSWER

    await eventually(witness_done, within=20)
    ticks = dialer.campaign.ticks
    await eventually(lambda: _after(dialer, ticks + 3), within=10)
    assert originated(sim, witness.phone) == 1
    assert originated(sim, listed.phone) == 0 and originated(sim, "112") == 0
    assert (await contact(sessions, listed.id)).status == ContactStatus.BLACKLISTED
    assert (await contact(sessions, emergency.id)).status == ContactStatus.BLACKLISTED
    async with sessions() as db:
        await db.execute(sa.delete(Contact).where(Contact.id == emergency.id))
        await db.commit()


async def _after(dialer: Telephony, ticks: int) -> bool:
    return dialer.campaign.ticks >= ticks


async def test_global_timeout_hangs_up_a_waiting_call(
    dialer: Telephony, sessions: Sessions, sim: PbxSim
) -> None:
    """F-26 "глобальный таймаут": the call is dropped after N seconds (50 s × 0.01) although the client
    (who would talk for 20 s × 0.1) is still on the line."""
    project = await running_project(sessions, global_timeout_s=50, running=True)
    (client,) = await add_contacts(sessions, project, [phone_ending(0)])

    async def ended() -> Attempt | None:
        async with sessions() as db:
            return await db.scalar(
                sa.select(Attempt).where(Attempt.contact_id == client.id, Attempt.ended_at.is_not(None))
            )

    attempt = await eventually(ended, within=20)
    entry = next(e for e in sim.ledger.entries if e.number == client.phone)
    assert attempt.outcome == CallOutcome.ABANDONED and attempt.answered_at is not None
    assert attempt.ended_at is not None
    assert (attempt.ended_at - entry.received_at).total_seconds() < 1.6  # the client alone: ≥ 2.2 s
    assert len(dialer.timeouts) == 0
