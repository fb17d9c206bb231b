"""Constraints the services rely on: uniqueness, I1, the current operator state, append-only audit."""

import datetime as dt

import pytest
import sqlalchemy as sa
from obzvon_db.enums import AttemptState, CallOutcome, OperatorState, UserRole
from obzvon_db.models import Attempt, AuditLog, Contact, OperatorStateInterval, User
from sqlalchemy.exc import DBAPIError, IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from tests.libs.db.factories import make_contact, make_project, make_user


async def test_extension_is_unique_among_active_users(db_session: AsyncSession) -> None:
    """F-10: every user's internal extension is unique; a deleted user's number can be reused."""
    first = await make_user(db_session, extension="401")
    with pytest.raises(IntegrityError):
        async with db_session.begin_nested():
            await make_user(db_session, extension="401")

    first.deleted_at = dt.datetime.now(dt.UTC)
    await db_session.flush()
    await make_user(db_session, extension="401")
    await make_user(db_session, role=UserRole.ADMIN)  # admins may have no extension
    await make_user(db_session, role=UserRole.ADMIN)


async def test_email_is_unique_case_insensitively(db_session: AsyncSession) -> None:
    """F-01/F-10: one login per e-mail, whatever its case."""
    user = await make_user(db_session)
    with pytest.raises(IntegrityError):
        async with db_session.begin_nested():
            db_session.add(
                User(email=user.email.upper(), full_name="Дубль", role=UserRole.OPERATOR, password_hash="x")
            )
            await db_session.flush()


async def test_phone_is_unique_per_project(db_session: AsyncSession) -> None:
    """F-31: a number appears once per project, but may be in several projects."""
    project, other = await make_project(db_session), await make_project(db_session)
    first = await make_contact(db_session, project, "79111111111")
    await make_contact(db_session, other, "79111111111")
    with pytest.raises(IntegrityError):
        async with db_session.begin_nested():
            await make_contact(db_session, project, "79111111111")

    first.deleted_at = dt.datetime.now(dt.UTC)
    await db_session.flush()
    await make_contact(db_session, project, "79111111111")


async def test_phone_must_be_digits(db_session: AsyncSession) -> None:
    project = await make_project(db_session)
    with pytest.raises(IntegrityError):
        async with db_session.begin_nested():
            db_session.add(Contact(project_id=project.id, phone="+7 (911) 111-11-11"))
            await db_session.flush()


async def test_one_live_attempt_per_contact(db_session: AsyncSession) -> None:
    """I1: a second live attempt for the same contact is refused; allowed once the first is finished."""
    project = await make_project(db_session)
    contact = await make_contact(db_session, project)

    def attempt(state: AttemptState) -> Attempt:
        return Attempt(contact_id=contact.id, project_id=project.id, phone=contact.phone, state=state)

    first = attempt(AttemptState.ORIGINATING)
    db_session.add(first)
    await db_session.flush()
    for state in (
        AttemptState.ORIGINATING,
        AttemptState.RINGING,
        AttemptState.ANSWERED,
        AttemptState.TALKING,
    ):
        with pytest.raises(IntegrityError):
            async with db_session.begin_nested():
                db_session.add(attempt(state))
                await db_session.flush()

    first.state, first.outcome = AttemptState.FINISHED, CallOutcome.NO_ANSWER
    await db_session.flush()
    db_session.add(attempt(AttemptState.ORIGINATING))
    await db_session.flush()
    other = await make_contact(db_session, project, "79222222222")
    db_session.add(
        Attempt(contact_id=other.id, project_id=project.id, phone=other.phone, state=AttemptState.TALKING)
    )
    await db_session.flush()


async def test_one_open_state_interval_per_operator(db_session: AsyncSession) -> None:
    """I4/F-50: an operator has exactly one current state (one open interval)."""
    operator = await make_user(db_session, extension="501")
    now = dt.datetime.now(dt.UTC)
    active = OperatorStateInterval(operator_id=operator.id, state=OperatorState.ACTIVE, started_at=now)
    db_session.add(active)
    await db_session.flush()
    with pytest.raises(IntegrityError):
        async with db_session.begin_nested():
            db_session.add(
                OperatorStateInterval(operator_id=operator.id, state=OperatorState.PAUSE, started_at=now)
            )
            await db_session.flush()

    active.ended_at = now + dt.timedelta(seconds=5)
    await db_session.flush()
    db_session.add(
        OperatorStateInterval(operator_id=operator.id, state=OperatorState.PAUSE, started_at=active.ended_at)
    )
    await db_session.flush()


async def test_audit_log_is_append_only(db_session: AsyncSession) -> None:
    """F-83: audit rows can be written but never changed or removed."""
    entry = AuditLog(action="project.update", object_type="project", object_id="1", after={"name": "Новый"})
    db_session.add(entry)
    await db_session.flush()

    with pytest.raises(DBAPIError, match="append-only"):
        async with db_session.begin_nested():
            await db_session.execute(sa.update(AuditLog).values(action="tampered"))
    with pytest.raises(DBAPIError, match="append-only"):
        async with db_session.begin_nested():
            await db_session.execute(sa.delete(AuditLog))
    stored = await db_session.scalar(sa.select(AuditLog.action).where(AuditLog.id == entry.id))
    assert stored == "project.update"
