"""Card rules (F-51, F-52, F-53, F-45): the operator sees the card of their current call, the number
masked where the project hides numbers; saving it needs a result status allowed in the project, updates
the contact and the call, adds the comment, publishes ``card_saved`` and ends wrap-up (the operator
returns to the state they chose, and the next queue call may come). A manual call rings the operator's
phone first, then the client (``originate_call``): the number is taken from the contact on the server,
so a hidden number can be called too."""

import uuid

from obzvon_db.enums import ContactStatus, OperatorState
from obzvon_events.cards import CardSaved
from obzvon_events.commands import OriginateCall
from obzvon_events.types import utc_now
from obzvon_platform.bus import add_to_outbox
from obzvon_platform.cards import allowed_statuses, card_parts
from obzvon_platform.numbers import hides_numbers
from obzvon_platform.operator_states import (
    MAY_CALL_OUT,
    last_chosen_state,
    lock_operator,
    open_interval,
    switch_state,
)
from obzvon_platform.problem import Problem, not_found
from sqlalchemy.ext.asyncio import AsyncSession

from obzvon_gateway.auth.principal import Principal
from obzvon_gateway.auth.problems import forbidden
from obzvon_gateway.cards import repository
from obzvon_gateway.cards.schemas import FIXED_FIELDS, CardOut, CardSave
from obzvon_gateway.producer import PRODUCER


def _only_operators() -> Problem:
    return forbidden("Карточки открываются только у операторов", "Only operators have cards")


def status_required() -> Problem:
    return Problem(422, "result_status_required", "Выберите статус результата", "Choose a result status")


async def current_card(db: AsyncSession, principal: Principal) -> CardOut:
    if not principal.is_operator:
        raise _only_operators()
    interval = await repository.current_card_interval(db, principal.user_id)
    if interval is None or interval.call_id is None:
        raise not_found("card")
    call = await repository.call(db, interval.call_id)
    project_id = interval.project_id or (call.project_id if call else None)
    if call is None or project_id is None:
        raise not_found("card")
    project = await repository.project(db, project_id)
    contact = await repository.contact(db, call.contact_id) if call.contact_id else None
    hidden = hides_numbers(principal.role, project.show_numbers if project else False)
    parts = await card_parts(db, project_id, contact, hide_numbers=hidden)
    return CardOut(
        call_id=call.id,
        project_id=project_id,
        state=OperatorState(interval.state).value,
        contact=parts.contact,
        template=parts.template,
        result_statuses=parts.result_statuses,
        script_html=project.script_html if project else "",
    )


async def save_card(db: AsyncSession, principal: Principal, call_id: uuid.UUID, body: CardSave) -> CardSaved:
    """Flushes; the router commits."""
    if not principal.is_operator:
        raise _only_operators()
    if body.result_status_id is None:
        raise status_required()
    await lock_operator(db, principal.user_id)
    interval = await repository.current_card_interval(db, principal.user_id)
    call = await repository.call(db, call_id)
    if interval is None or interval.call_id != call_id or call is None or call.contact_id is None:
        raise not_found("card")
    project_id = interval.project_id or call.project_id
    assert project_id is not None
    statuses = {s.id: s for s in await allowed_statuses(db, project_id)}
    status = statuses.get(body.result_status_id)
    if status is None:
        raise Problem(
            422,
            "result_status_not_allowed",
            "Этот статус не используется в проекте",
            "This result status is not used in the project",
        )
    contact = await repository.contact(db, call.contact_id, for_update=True)
    if contact is None:
        raise not_found("contact")
    fields = body.fields.model_dump(exclude_unset=True)
    for key in FIXED_FIELDS:
        if key in fields:
            setattr(contact, key, fields[key])
    if body.custom_fields:
        contact.custom_fields = {**contact.custom_fields, **body.custom_fields}
    contact.result_status_id = status.id
    contact.status = ContactStatus.DONE
    await repository.set_call_result(db, call_id, status)
    if body.comment and body.comment.strip():
        await repository.add_comment(db, contact.id, principal.user_id, call_id, body.comment.strip())
    if interval.state is OperatorState.IN_CARD:
        chosen = await last_chosen_state(db, principal.user_id)
        await switch_state(db, principal.user_id, chosen, producer=PRODUCER, reason="card_saved", lock=False)
    event = CardSaved(
        operator_id=principal.user_id,
        call_id=call_id,
        project_id=project_id,
        contact_id=contact.id,
        result_status_id=status.id,
        result_status_name=status.name,
        comment=body.comment,
        fields={**{k: str(v) if v is not None else None for k, v in fields.items()}, **body.custom_fields},
        saved_at=utc_now(),
    )
    await add_to_outbox(db, event, PRODUCER)
    return event


async def manual_call(db: AsyncSession, principal: Principal, contact_id: uuid.UUID) -> uuid.UUID:
    """F-45: the operator's phone rings first, then the client; the operator listens to ringback."""
    if not principal.is_operator:
        raise _only_operators()
    contact = await repository.contact(db, contact_id)
    if contact is None or not await principal.can_see_project(db, contact.project_id):
        raise not_found("contact")
    await lock_operator(db, principal.user_id)
    current = await open_interval(db, principal.user_id)
    if current is None or current.state not in MAY_CALL_OUT:
        raise Problem(
            409,
            "operator_cannot_call",
            "Сейчас позвонить нельзя: смените статус или завершите звонок",
            "A call cannot be placed in the current state",
        )
    call_id = uuid.uuid4()
    await add_to_outbox(
        db,
        OriginateCall(
            call_id=call_id,
            project_id=contact.project_id,
            contact_id=contact.id,
            phone=contact.phone,
            operator_id=principal.user_id,
            trunk_id=principal.user.trunk_id,
            call_type="manual",
        ),
        PRODUCER,
    )
    await switch_state(
        db,
        principal.user_id,
        OperatorState.RINGBACK,
        producer=PRODUCER,
        call_id=call_id,
        project_id=contact.project_id,
        reason="manual_call",
        lock=False,
    )
    return call_id
