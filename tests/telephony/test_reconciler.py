"""The reconciler settles attempts the PBX says nothing about (I2), and the adapter reports its state
in /readyz and /metrics."""

import datetime as dt
import uuid

import httpx
import pytest
from obzvon_db.enums import AttemptState
from obzvon_db.models import Attempt, Contact, Project
from obzvon_dialer.runtime import Telephony

from tests.telephony.stack import CALLER_ID, Sessions, World, add_contact, attempt, finished_record


async def committed_attempt(
    sessions: Sessions, telephony: Telephony, project: Project, contact: Contact, lease: dt.timedelta
) -> uuid.UUID:
    """An attempt committed in ``originating`` whose Originate never reached the PBX."""
    async with sessions() as db:
        row = Attempt(
            id=uuid.uuid4(),
            contact_id=contact.id,
            project_id=project.id,
            phone=contact.phone,
            caller_id=CALLER_ID,
            state=AttemptState.ORIGINATING,
            lease_until=dt.datetime.now(dt.UTC) + lease,
            dialer_instance=telephony.settings.instance_id,
        )
        db.add(row)
        await db.commit()
        return row.id


async def test_attempt_without_a_channel_is_closed_once_its_lease_expires(
    connected: Telephony, sessions: Sessions, world: World
) -> None:
    expired_contact = await add_contact(sessions, world.project, 0)
    fresh_contact = await add_contact(sessions, world.project, 0)
    expired = await committed_attempt(
        sessions, connected, world.project, expired_contact, -dt.timedelta(seconds=1)
    )
    fresh = await committed_attempt(
        sessions, connected, world.project, fresh_contact, dt.timedelta(minutes=5)
    )

    counts = await connected.reconciler.run()
    assert counts["closed"] >= 1 and counts["waiting"] >= 1

    closed = await attempt(sessions, expired)
    assert closed is not None and (closed.state, closed.outcome) == (AttemptState.FAILED, "failed_unknown")
    still = await attempt(sessions, fresh)
    assert still is not None and still.state == AttemptState.ORIGINATING  # its Originate may still come

    record = await finished_record(sessions, expired)
    assert (record.outcome, record.client_status, record.operator_status) == (
        "failed_unknown",
        "Ошибка",
        None,
    )
    async with sessions() as db:
        contact = await db.get(Contact, expired_contact.id)
    assert contact is not None and contact.next_attempt_at is not None
    due_in = (contact.next_attempt_at - dt.datetime.now(dt.UTC)).total_seconds()
    assert due_in == pytest.approx(connected.settings.unknown_retry_seconds, abs=10)


async def test_readiness_and_metrics_show_the_ami_link(
    connected: Telephony, dialer_http: httpx.AsyncClient
) -> None:
    ready = await dialer_http.get("/readyz")
    assert ready.status_code == 200
    assert ready.json()["checks"]["ami"] == "ok" and ready.json()["checks"]["bus"] == "ok"
    metrics = (await dialer_http.get("/metrics")).text
    assert "obzvon_dialer_ami_connected 1.0" in metrics
    assert "obzvon_dialer_originates_total" in metrics
