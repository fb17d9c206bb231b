"""The card on the operator's screen the moment the PBX connects a call the dialer placed (F-51).

- When the call starts ringing for an operator (``operator_state_changed`` to ``ringing``), the gateway
  builds the card and pushes ``card_prepared``: the operator's tab draws it hidden.
- When the call is connected (``call_connected_to_operator``), the gateway pushes ``card_opened`` at
  once, from the card it prepared (no database work between the answer and the card), or built then.

queue-router's own ``card_opened`` follows: it stays the card's record, and alone covers inbound calls,
whose contact queue-router finds or creates. The tab pops a call's card once, from whichever message
comes first; all are built by ``obzvon_platform.cards``. Only the gateway instance holding the
operator's sockets does this work (ws/delivery.py).
"""

import uuid
from collections import OrderedDict
from collections.abc import Callable
from contextlib import AbstractAsyncContextManager

from obzvon_db.enums import OperatorState
from obzvon_db.models import Attempt, Project
from obzvon_events.calls import CallConnectedToOperator
from obzvon_events.cards import CardContent, CardOpened, CardPrepared
from obzvon_events.operators import OperatorStateChanged
from obzvon_platform.cards import ConnectedCall, card_content, opened
from sqlalchemy.ext.asyncio import AsyncSession

Sessions = Callable[[], AbstractAsyncContextManager[AsyncSession]]
#: Prepared cards kept for calls not connected (yet): offered to several operators, or not answered.
PREPARED_LIMIT = 1000


def placed_call(attempt: Attempt, operator_id: uuid.UUID) -> ConnectedCall:
    return ConnectedCall(
        operator_id=operator_id,
        call_id=attempt.id,
        project_id=attempt.project_id,
        contact_id=attempt.contact_id,
        phone=attempt.phone,
        direction="out",
        call_type=attempt.call_type.value,
        connected_at=None,
    )


class LiveCards:
    def __init__(self, sessions: Sessions, limit: int = PREPARED_LIMIT) -> None:
        self.sessions = sessions
        self.limit = limit
        self._prepared: OrderedDict[tuple[uuid.UUID, uuid.UUID], CardContent] = OrderedDict()

    async def prepare(self, event: OperatorStateChanged) -> CardPrepared | None:
        """The card of a placed call now ringing for the operator. None for other changes, inbound
        calls and projects whose phones answer by themselves: there the call is connected about as
        soon as it rings, and drawing a card then would only delay the one that pops."""
        if event.state != OperatorState.RINGING.value or event.call_id is None:
            return None
        async with self.sessions() as db:
            attempt = await db.get(Attempt, event.call_id)
            project = await db.get(Project, attempt.project_id) if attempt is not None else None
            if attempt is None or project is None or project.auto_answer:
                return None
            content = await card_content(db, placed_call(attempt, event.operator_id))
        self._prepared[(event.operator_id, event.call_id)] = content
        while len(self._prepared) > self.limit:
            self._prepared.popitem(last=False)
        return CardPrepared(**dict(content))

    async def open(self, event: CallConnectedToOperator) -> CardOpened | None:
        """``card_opened`` for the operator the dialer named; None for an inbound call."""
        content = self._prepared.pop((event.operator_id, event.call_id), None)
        if content is None:
            async with self.sessions() as db:
                attempt = await db.get(Attempt, event.call_id)
                if attempt is None:
                    return None
                content = await card_content(db, placed_call(attempt, event.operator_id))
        return opened(content, event.connected_at)
