"""The card that pops (F-51, F-52): ``card_opened`` carries what the card shows first — the contact, the
project's template and result statuses — and the moment the call was answered for the operator, which
card pop latency is measured from; where the project hides numbers, no number in it is real."""

import datetime as dt
import uuid
from typing import Any

import sqlalchemy as sa
from obzvon_db.enums import CardFieldType, OperatorState
from obzvon_db.models import CardField, Project, ProjectResultStatus, ResultStatus
from obzvon_events.calls import CallConnectedToOperator

from tests.services.queue_router.factories import add_contact, add_operators, add_project, choose
from tests.services.queue_router.harness import Harness


async def a_card_pops(harness: Harness, *, show_numbers: bool) -> tuple[dict[str, Any], str, dt.datetime]:
    """A client answers, the operator's leg is bridged; returns ``card_opened``, the number and when."""
    ops = await add_operators(harness.sessions, 1)
    project = await add_project(harness.sessions, ops)
    async with harness.sessions() as db, db.begin():
        await db.execute(sa.update(Project).where(Project.id == project.id).values(show_numbers=show_numbers))
        status = ResultStatus(name=f"Согласие {uuid.uuid4().hex[:6]}")
        db.add(status)
        db.add(CardField(project_id=project.id, key="tariff", label="Тариф", field_type=CardFieldType.TEXT))
        await db.flush()
        db.add(ProjectResultStatus(project_id=project.id, result_status_id=status.id))
    contact = await add_contact(
        harness.sessions,
        project,
        full_name="Анна",
        timezone="Asia/Yekaterinburg",
        custom_fields={"tariff": "A"},
    )
    await choose(harness.sessions, ops[0], OperatorState.ACTIVE)
    await harness.beat(*ops)
    call = await harness.answer(project.id, contact_id=contact.id, phone=contact.phone)
    bridged = dt.datetime.now(dt.UTC) - dt.timedelta(milliseconds=40)
    assert ops[0].extension is not None
    await harness.send(
        CallConnectedToOperator(
            call_id=call,
            project_id=project.id,
            operator_id=ops[0].id,
            extension=ops[0].extension,
            connected_at=bridged,
        )
    )
    [card] = await harness.outbox("card_opened", call)
    return card, contact.phone, bridged


async def test_the_card_pops_from_the_message_with_the_answer_time(harness: Harness) -> None:
    card, phone, bridged = await a_card_pops(harness, show_numbers=True)
    assert card["connected_at"] is not None
    assert dt.datetime.fromisoformat(str(card["connected_at"])) == bridged
    contact = card["contact"]
    assert (contact["phone"], contact["phone_hidden"], contact["full_name"]) == (phone, False, "Анна")
    assert (contact["timezone"], contact["custom_fields"]) == ("Asia/Yekaterinburg", {"tariff": "A"})
    assert card["phone"] == phone
    assert [f["key"] for f in card["template"]] == ["tariff"]
    assert [s["name"][:8] for s in card["result_statuses"]] == ["Согласие"]


async def test_a_project_hiding_numbers_sends_no_real_number(harness: Harness) -> None:
    """F-51: the message goes to the operator's browser, so the number is masked before it is written."""
    card, phone, _ = await a_card_pops(harness, show_numbers=False)
    masked = "*********" + phone[-2:]
    contact = card["contact"]
    assert (card["phone"], contact["phone"], contact["phone_hidden"]) == (masked, masked, True)
    assert phone not in str(card)
