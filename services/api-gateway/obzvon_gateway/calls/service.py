"""Rules of the card's call lists (F-55) and of the card's context (F-51, F-57).

«Показать звонки» lists the calls of the contact: an operator sees the calls they talked in, a
supervisor or an admin every call of the contact. «Показать все звонки по номеру» lists the calls to or
from the number by every operator, answered or not, across the projects in the caller's scope (an
operator: the projects they work in). A contact outside the scope is "not found". Where a project hides
numbers (``show_numbers`` false) an operator sees them masked; listing from a card whose project hides
numbers masks every row, so another project's calls cannot reveal the contact's number.
``has_recording`` says whether the caller may play the recording (``GET /api/calls/{id}/recording``).
"""

import uuid

from obzvon_db.enums import MessageChannel
from obzvon_db.models import Contact
from obzvon_platform.numbers import hides_numbers, number_for
from obzvon_platform.problem import not_found
from sqlalchemy.ext.asyncio import AsyncSession

from obzvon_gateway.auth.principal import Principal
from obzvon_gateway.calls import repository
from obzvon_gateway.calls.repository import CallWithNames
from obzvon_gateway.calls.schemas import CallRow, ContactContext, MessageTemplate
from obzvon_gateway.recordings.service import may_hear


async def _row(db: AsyncSession, principal: Principal, item: CallWithNames, *, hide: bool = False) -> CallRow:
    call, project_name, operator_name, show_numbers = item
    hide = hide or hides_numbers(principal.role, show_numbers)
    return CallRow(
        id=call.id,
        project_id=call.project_id,
        project_name=project_name,
        started_at=call.started_at,
        direction=call.direction.value if hasattr(call.direction, "value") else str(call.direction),
        call_type=call.call_type.value if hasattr(call.call_type, "value") else str(call.call_type),
        from_number=number_for(call.from_number, hidden=hide),
        to_number=number_for(call.to_number, hidden=hide),
        duration_s=call.duration_s,
        talk_s=call.talk_s,
        client_status=call.client_status,
        operator_status=call.operator_status,
        outcome=str(call.outcome) if call.outcome else None,
        operator_id=call.operator_id,
        operator_name=operator_name,
        has_recording=bool(call.recording_path) and await may_hear(db, principal, call),
    )


async def _visible_contact(db: AsyncSession, principal: Principal, contact_id: uuid.UUID) -> Contact:
    contact = await repository.contact(db, contact_id)
    if contact is None or not await principal.can_see_project(db, contact.project_id):
        raise not_found("contact")
    return contact


async def calls_of_contact(
    db: AsyncSession, principal: Principal, contact_id: uuid.UUID, *, all_by_number: bool, limit: int
) -> list[CallRow]:
    contact = await _visible_contact(db, principal, contact_id)
    project = await repository.project(db, contact.project_id)
    hide = hides_numbers(principal.role, project.show_numbers if project else False)
    if all_by_number:
        return await calls_by_number(db, principal, contact.phone, limit=limit, hide=hide)
    own = principal.user_id if principal.is_operator else None
    rows = await repository.calls_of_contact(db, contact.id, operator_id=own, limit=limit)
    return [await _row(db, principal, row, hide=hide) for row in rows]


async def calls_by_number(
    db: AsyncSession, principal: Principal, phone: str, *, limit: int, hide: bool = False
) -> list[CallRow]:
    rows = await repository.calls_by_number(
        db, phone, project_ids=await principal.project_ids(db), limit=limit
    )
    return [await _row(db, principal, row, hide=hide) for row in rows]


async def contact_context(db: AsyncSession, principal: Principal, contact_id: uuid.UUID) -> ContactContext:
    contact = await _visible_contact(db, principal, contact_id)
    project = await repository.project(db, contact.project_id)
    if project is None:
        raise not_found("contact")
    templates = await repository.templates(db, project.id)

    def of(channel: MessageChannel) -> list[MessageTemplate]:
        return [
            MessageTemplate(name=t.name, subject=t.subject, body=t.body)
            for t in templates
            if repository.channel_of(t) is channel
        ]

    return ContactContext(
        contact_id=contact.id,
        project_id=project.id,
        timezone=contact.timezone,
        show_numbers=project.show_numbers,
        email_templates=of(MessageChannel.EMAIL),
        sms_templates=of(MessageChannel.SMS),
    )
