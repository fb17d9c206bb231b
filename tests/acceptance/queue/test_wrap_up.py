"""F-52 wrap-up gating: after a call the operator sits "in card"; no queue call is offered to them until
the card is saved through the card API with a result status, which the API insists on."""

import sqlalchemy as sa
from obzvon_db.enums import OperatorState as S
from obzvon_db.models import Contact

from tests.acceptance.queue.floor import Floor


async def test_no_call_is_offered_until_the_card_is_saved_with_a_status(floor: Floor) -> None:
    """F-52: the card pops over /ws when the call connects; while it is unsaved the operator is passed
    by, pass after pass; saving without a status is refused (problem+json) and changes nothing;
    saved with one, the contact and the call record carry it and the next call comes."""
    a, b = ops = await floor.operators(2)
    project = await floor.project(ops)
    contact = await floor.contact(project)
    first = await floor.answered_call(project, contact)
    await floor.route(first, a, ops)
    assert a.browser is not None
    card = await a.browser.receives("card_opened", call_id=str(first))
    assert (card["operator_id"], card["contact_id"]) == (str(a.id), str(contact.id))
    await floor.client_hangs_up(first)
    await floor.until_state(a, S.IN_CARD)

    second = await floor.answered_call(project, await floor.contact(project))
    for rung in range(2):  # two passes: b declines, and a is still not rung
        assert await floor.offers(second, rung + 1) == [b.id] * (rung + 1)
        await b.declines()
    await floor.offers(second, 3)
    refused = await a.save_card(first, None, comment="Без статуса")
    assert refused.status_code == 422
    assert refused.headers["content-type"].startswith("application/problem+json")
    assert refused.json()["code"] == "result_status_required"
    assert await floor.state(a) is S.IN_CARD
    assert floor.watch.all("card_saved", call_id=first) == []
    assert a.id not in await floor.offers(second)

    await floor.wrap_up(a, first, project)
    saved = await floor.watch.first("card_saved", call_id=first)
    assert saved["result_status_id"] == str(floor.statuses[project.id].id)
    await floor.until_state(a, S.ACTIVE)
    await b.declines()
    offers = await floor.offers(second, 4)
    assert offers == [b.id, b.id, b.id, a.id]
    await a.picks_up()
    await floor.watch.first("call_connected_to_operator", call_id=second, operator_id=a.id)
    await floor.until_state(a, S.TALKING)

    record = await floor.record(first)
    assert (record.outcome, record.operator_id) == ("answered", a.id)
    assert record.result_status_id == floor.statuses[project.id].id
    async with floor.sessions() as db:
        updated = await db.scalar(sa.select(Contact).where(Contact.id == contact.id))
    assert updated is not None and updated.result_status_id == floor.statuses[project.id].id
    rows = [row for row in await floor.intervals(a) if row.call_id in (first, second)]
    assert [(row.state, row.call_id) for row in rows] == [
        (S.RINGING, first),
        (S.TALKING, first),
        (S.IN_CARD, first),
        (S.RINGING, second),
        (S.TALKING, second),
    ]
