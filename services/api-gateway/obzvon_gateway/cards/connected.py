"""The card pops the moment the PBX connects a call to the operator (F-51).

On ``call_connected_to_operator`` the gateway builds ``card_opened`` itself and pushes it to the
operator's tabs, a hop before queue-router's own ``card_opened`` arrives (that one stays the card's
record, and alone covers inbound calls, whose contact queue-router finds or creates). The SPA pops a
call's card once, from whichever message comes first; both are built by ``obzvon_platform.cards``.
"""

from obzvon_db.models import Attempt
from obzvon_events.calls import CallConnectedToOperator
from obzvon_events.cards import CardOpened
from obzvon_platform.cards import ConnectedCall, card_opened
from sqlalchemy.ext.asyncio import AsyncSession


async def card_on_connect(db: AsyncSession, event: CallConnectedToOperator) -> CardOpened | None:
    """The operator's card for a call the dialer placed (automatic, manual or callback); None for an
    inbound call. The operator is the one the dialer named for the extension that answered."""
    attempt = await db.get(Attempt, event.call_id)
    if attempt is None:
        return None
    return await card_opened(
        db,
        ConnectedCall(
            operator_id=event.operator_id,
            call_id=event.call_id,
            project_id=event.project_id,
            contact_id=attempt.contact_id,
            phone=attempt.phone,
            direction="out",
            call_type=attempt.call_type.value,
            connected_at=event.connected_at,
        ),
    )
