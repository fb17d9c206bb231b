"""GET /api/projects/{project_id}/contacts/{contact_id}/dial-explanation (F-40): why a contact is or is
not being dialled and when it next will be; the answer is what the dialer's claim then does."""

import datetime as dt
import uuid
from collections.abc import AsyncIterator

import pytest
from fastapi import FastAPI
from obzvon_db.enums import ContactStatus
from obzvon_db.models import Contact, Project
from obzvon_dialer.ami.connection import AmiConnection
from obzvon_dialer.calls.service import CallService
from obzvon_dialer.calls.tracker import CallTracker
from obzvon_dialer.campaign.claim import claim
from obzvon_dialer.originate.service import Originator
from obzvon_dialer.settings import AmiSettings
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from tests.services.api_gateway.client import ApiClient
from tests.services.api_gateway.dial_explanation.conftest import RulesWorld
from tests.services.api_gateway.factories import World

Sessions = async_sessionmaker[AsyncSession]

EXPECTED_REASONS = {
    "fresh": [],
    "blacklisted": ["blacklisted"],
    "busy_due": [],
    "busy_waiting": ["retry_not_due"],
    "busy_exhausted": ["outcome_attempts_exhausted"],
    "max_attempts": ["max_attempts"],
    "called": ["status_not_dialable"],
    "outside_window": ["outside_windows"],
    "unknown_zone": ["never_in_windows"],
    "idle_project": ["project_not_running"],
}


def url(contact: Contact, project_id: uuid.UUID | None = None) -> str:
    return f"/api/projects/{project_id or contact.project_id}/contacts/{contact.id}/dial-explanation"


@pytest.fixture
async def signed_in(world: World, gateway_app: FastAPI) -> AsyncIterator[dict[str, ApiClient]]:
    clients = {}
    for who in ("admin", "sup_a", "sup_b", "op1"):
        clients[who] = ApiClient(gateway_app)
        assert (await clients[who].login(getattr(world, who).email)).status_code == 200
    yield clients
    for client in clients.values():
        await client.close()


async def test_explains_every_rule(signed_in: dict[str, ApiClient], rules_world: RulesWorld) -> None:
    """Each contact gets the reasons of its rule, the next moment and the retry in both languages."""
    answers = {}
    for name, contact in rules_world.contacts.items():
        response = await signed_in["sup_a"].http.get(url(contact))
        assert response.status_code == 200, response.text
        answers[name] = response.json()
    assert {name: a["reasons"] for name, a in answers.items()} == EXPECTED_REASONS
    assert {name for name, a in answers.items() if a["dial_now"]} == {"fresh", "busy_due"}

    waiting = answers["busy_waiting"]
    contact = rules_world.contacts["busy_waiting"]
    assert contact.next_attempt_at is not None and contact.timezone is not None
    assert dt.datetime.fromisoformat(waiting["next_at"]) == contact.next_attempt_at
    local = contact.next_attempt_at.astimezone(dt.datetime.fromisoformat(waiting["next_local"]).tzinfo)
    assert waiting["timezone"] == contact.timezone
    assert waiting["retry"] == {"number": 1, "allowed": 2, "after": "busy"}
    assert waiting["text_en"] == f"Next at {local:%H:%M} local, retry 1 of 2 after busy"
    assert (
        waiting["text_ru"]
        == f"Следующий звонок в {local:%H:%M} по местному времени, повтор 1 из 2 после «Занято»"
    )

    outside = answers["outside_window"]
    opens = dt.datetime.fromisoformat(outside["next_local"])
    assert outside["timezone"] == rules_world.outside_zone
    assert opens.time() == rules_world.project.client_window_start  # the client's window opens
    assert dt.datetime.fromisoformat(outside["next_at"]) > dt.datetime.now(dt.UTC)
    for name in ("blacklisted", "busy_exhausted", "max_attempts", "called", "unknown_zone", "idle_project"):
        assert answers[name]["next_at"] is None, name
        assert answers[name]["text_en"].startswith("Not dialled: "), name
    assert answers["fresh"]["text_en"] == "Dial now, first attempt"
    assert answers["busy_due"]["text_ru"] == "Звоним сейчас, повтор 1 из 2 после «Занято»"


async def test_the_claim_dials_what_the_api_says(
    signed_in: dict[str, ApiClient], rules_world: RulesWorld, sessions: Sessions
) -> None:
    """The dialer's claim (the code the campaign loop runs each tick), asked for more calls than there
    are contacts, registers attempts for exactly the contacts the API says are dialled now, gives the
    final statuses the API's permanent reasons imply, and parks a contact outside its window until the
    moment the API names. The claim's transaction is rolled back."""
    answers = {}
    for name, contact in rules_world.contacts.items():
        response = await signed_in["admin"].http.get(url(contact))
        answers[name] = response.json()
    settings = AmiSettings(instance_id=f"explain-{uuid.uuid4().hex[:6]}")
    calls = CallService(sessions, CallTracker(), lease_seconds=settings.lease_seconds)
    originator = Originator(settings, AmiConnection(settings, lambda _message: None), calls)
    by_id = {c.id: name for name, c in rules_world.contacts.items()}
    async with sessions() as db:
        dialled: set[str] = set()
        for project_id in (rules_world.project.id, rules_world.idle.id):
            project = await db.get(Project, project_id)
            assert project is not None
            specs = await claim(db, project, len(by_id), originator.register)
            dialled |= {by_id[s.contact_id] for s in specs if s.contact_id is not None}
        await db.flush()
        parked: dict[str, tuple[ContactStatus, dt.datetime | None]] = {}
        for contact in rules_world.contacts.values():
            row = await db.get(Contact, contact.id, populate_existing=True)
            assert row is not None
            parked[by_id[contact.id]] = (row.status, row.next_attempt_at)
        await db.rollback()
    assert dialled == {name for name, a in answers.items() if a["dial_now"]}
    status = {name: value[0] for name, value in parked.items()}
    assert status["blacklisted"] == ContactStatus.BLACKLISTED
    assert status["busy_exhausted"] == ContactStatus.DONE
    assert parked["outside_window"][1] == dt.datetime.fromisoformat(answers["outside_window"]["next_at"])
    for name in ("busy_waiting", "max_attempts", "called", "unknown_zone", "idle_project"):
        assert name not in dialled and status[name] == rules_world.contacts[name].status, name


async def test_scope_and_roles(
    signed_in: dict[str, ApiClient], rules_world: RulesWorld, world: World, gateway_app: FastAPI
) -> None:
    """Admin: any project; a supervisor: only their projects (404 otherwise, never 403); operators: 403;
    a contact asked about under another project: 404; signed out: 401; a malformed id: 422."""
    contact = rules_world.contacts["fresh"]
    assert (await signed_in["admin"].http.get(url(contact))).status_code == 200
    assert (await signed_in["sup_a"].http.get(url(contact))).status_code == 200
    outside = await signed_in["sup_b"].http.get(url(contact))
    assert (outside.status_code, outside.json()["code"]) == (404, "not_found")
    operator = await signed_in["op1"].http.get(url(contact), headers={"Accept-Language": "en"})
    assert (operator.status_code, operator.json()["detail"]) == (
        403,
        "Dial explanations are for admins and supervisors",
    )
    elsewhere = await signed_in["sup_a"].http.get(url(contact, world.p1.id))
    assert elsewhere.status_code == 404
    unknown = await signed_in["admin"].http.get(
        f"/api/projects/{contact.project_id}/contacts/{uuid.uuid4()}/dial-explanation"
    )
    assert unknown.status_code == 404
    malformed = await signed_in["admin"].http.get(
        f"/api/projects/{contact.project_id}/contacts/x/dial-explanation"
    )
    assert malformed.status_code == 422
    assert malformed.headers["content-type"].startswith("application/problem+json")
    anonymous = ApiClient(gateway_app)
    try:
        assert (await anonymous.http.get(url(contact))).status_code == 401
    finally:
        await anonymous.close()
