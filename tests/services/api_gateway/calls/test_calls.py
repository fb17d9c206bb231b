"""The card's call lists (F-55): «Показать звонки» and «Показать все звонки по номеру», scoped by role,
with hidden numbers masked for operators (F-51) and the card's context (F-51, F-57)."""

import datetime as dt
import uuid

from obzvon_db.enums import CallDirection, CallType, MessageChannel, UserRole
from obzvon_db.models import Call, Contact, MessageTemplate, Project, User
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from tests.services.api_gateway.conftest import ClientFactory
from tests.services.api_gateway.factories import World, add_project, add_user


async def a_contact(sessions: async_sessionmaker[AsyncSession], project: Project, phone: str) -> Contact:
    async with sessions() as db:
        contact = Contact(project_id=project.id, phone=phone, timezone="Asia/Yekaterinburg")
        db.add(contact)
        await db.commit()
        return contact


async def a_call(
    sessions: async_sessionmaker[AsyncSession],
    project: Project,
    contact: Contact | None,
    operator: User | None,
    minutes_ago: int,
    recording: str | None = None,
) -> Call:
    async with sessions() as db:
        call = Call(
            uniqueid=uuid.uuid4().hex,
            direction=CallDirection.OUTBOUND,
            call_type=CallType.AUTO,
            from_number="74951234567",
            to_number=contact.phone if contact else None,
            project_id=project.id,
            contact_id=contact.id if contact else None,
            operator_id=operator.id if operator else None,
            started_at=dt.datetime.now(dt.UTC) - dt.timedelta(minutes=minutes_ago),
            duration_s=14,
            talk_s=3 if operator else 0,
            client_status="answered",
            recording_path=recording,
        )
        db.add(call)
        await db.commit()
        return call


def unique_phone() -> str:
    return f"79{uuid.uuid4().int % 10**9:09d}"


async def test_contact_calls_and_all_calls_by_number(
    client_factory: ClientFactory, sessions: async_sessionmaker[AsyncSession], world: World
) -> None:
    """F-55: the operator sees their own calls of the contact; «all by number» adds other operators'
    and unanswered calls across the operator's projects, and nothing from projects out of scope."""
    other = await add_user(sessions, UserRole.OPERATOR, "colleague")
    second = await add_project(sessions, "P1-bis", [], [world.op1, other])
    phone = unique_phone()
    contact = await a_contact(sessions, world.p1, phone)
    twin = await a_contact(sessions, second, phone)
    hidden = await a_contact(sessions, world.p3, phone)
    own = await a_call(sessions, world.p1, contact, world.op1, 30, recording="x.wav")
    unanswered = await a_call(sessions, world.p1, contact, None, 20)
    colleagues = await a_call(sessions, second, twin, other, 10, recording="y.wav")
    await a_call(sessions, world.p3, hidden, world.op2, 5)

    op1 = client_factory()
    await op1.login(world.op1.email)
    mine = await op1.http.get(f"/api/contacts/{contact.id}/calls")
    assert mine.status_code == 200, mine.text
    assert [row["id"] for row in mine.json()] == [str(own.id)]
    row = mine.json()[0]
    assert (row["direction"], row["call_type"], row["duration_s"], row["talk_s"]) == ("out", "auto", 14, 3)
    assert row["operator_name"] == world.op1.full_name and row["has_recording"] is True

    expected = [str(colleagues.id), str(unanswered.id), str(own.id)]
    by_number = await op1.http.get("/api/calls", params={"phone": phone})
    assert [r["id"] for r in by_number.json()] == expected
    via_card = await op1.http.get(f"/api/contacts/{contact.id}/calls", params={"all_by_number": True})
    assert [r["id"] for r in via_card.json()] == expected
    # Another operator's recording is not op1's to hear (the recordings endpoint answers 404).
    assert [r["has_recording"] for r in by_number.json()] == [False, False, True]

    admin = client_factory()
    await admin.login(world.admin.email)
    everything = await admin.http.get("/api/calls", params={"phone": phone})
    assert len(everything.json()) == 4
    assert len((await admin.http.get(f"/api/contacts/{contact.id}/calls")).json()) == 2


async def test_out_of_scope_contacts_are_not_found(
    client_factory: ClientFactory, sessions: async_sessionmaker[AsyncSession], world: World
) -> None:
    contact = await a_contact(sessions, world.p3, unique_phone())
    op1 = client_factory()
    await op1.login(world.op1.email)
    assert (await op1.http.get(f"/api/contacts/{contact.id}/calls")).status_code == 404
    assert (await op1.http.get(f"/api/contacts/{contact.id}/context")).status_code == 404
    assert (await op1.http.get(f"/api/contacts/{uuid.uuid4()}/calls")).status_code == 404
    sup_a = client_factory()
    await sup_a.login(world.sup_a.email)
    assert (await sup_a.http.get(f"/api/contacts/{contact.id}/calls")).status_code == 404
    assert (await op1.http.get("/api/calls", params={"phone": "not-a-number"})).status_code == 422
    anonymous = client_factory()
    assert (await anonymous.http.get("/api/calls", params={"phone": "79160000000"})).status_code == 401


async def test_hidden_numbers_and_the_card_context(
    client_factory: ClientFactory, sessions: async_sessionmaker[AsyncSession]
) -> None:
    """F-51: a project that hides numbers shows them masked to operators; F-57: the card gets the
    project's e-mail and SMS templates and the client's timezone."""
    operator = await add_user(sessions, UserRole.OPERATOR, "hidden")
    project = await add_project(sessions, "Скрытые номера", [], [operator])
    async with sessions() as db:
        stored = await db.get(Project, project.id)
        assert stored is not None
        stored.show_numbers = False
        db.add_all(
            [
                MessageTemplate(
                    project_id=project.id,
                    channel=MessageChannel.EMAIL,
                    name="Письмо",
                    subject="Здравствуйте, {full_name}",
                    body="Текст для {full_name}",
                ),
                MessageTemplate(
                    project_id=project.id, channel=MessageChannel.SMS, name="СМС", body="Звонили {city}"
                ),
            ]
        )
        await db.commit()
    phone = unique_phone()
    contact = await a_contact(sessions, project, phone)
    await a_call(sessions, project, contact, operator, 3)
    client = client_factory()
    await client.login(operator.email)
    rows = (await client.http.get(f"/api/contacts/{contact.id}/calls")).json()
    assert rows[0]["to_number"] == "*********" + phone[-2:]
    assert phone not in str(rows)
    context = (await client.http.get(f"/api/contacts/{contact.id}/context")).json()
    assert context["show_numbers"] is False and context["timezone"] == "Asia/Yekaterinburg"
    assert context["email_templates"] == [
        {"name": "Письмо", "subject": "Здравствуйте, {full_name}", "body": "Текст для {full_name}"}
    ]
    assert [t["body"] for t in context["sms_templates"]] == ["Звонили {city}"]
