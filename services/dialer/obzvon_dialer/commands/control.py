"""Call control on a live call: offer it to operators (F-43) or hang it up.

- One operator: as the dialplan contract says, the operator timeout and auto-answer are set on the
  client's channel, which is then redirected into ``[obzvon-operator] <extension>``; the dialplan
  dials the operator and bridges on answer (``UserEvent(ObzvonOperatorDial)`` reports either way).
- Several operators at once (strategy ring-all): each phone is originated with
  ``Application: Bridge`` / ``Data: <client channel>`` and ``ChannelId: <attempt>-ring-<extension>-<n>``.
  The first to answer is bridged with the client; the other phones are hung up at once (a second
  ``Bridge`` would take the client away), and so are they all when the client hangs up first.
"""

import asyncio
import secrets
import uuid
from dataclasses import dataclass

import structlog
from obzvon_db.enums import AttemptState
from obzvon_events.base import Event
from obzvon_events.calls import CallConnectedToOperator, CallEnded
from sqlalchemy.ext.asyncio import AsyncSession

from obzvon_dialer.ami import actions, dialplan
from obzvon_dialer.ami.connection import AmiConnection, AmiError
from obzvon_dialer.calls import repository
from obzvon_dialer.calls.tracker import CallTracker
from obzvon_dialer.calls.translator import offer_channel_id
from obzvon_dialer.calls.view import TERMINAL_STATES
from obzvon_dialer.inbound.registry import InboundRegistry

log = structlog.get_logger(__name__)


@dataclass(frozen=True)
class OfferTarget:
    """The call being offered to operators: an outbound attempt or an inbound call."""

    id: uuid.UUID
    project_id: uuid.UUID
    phone: str


class CallControl:
    def __init__(
        self, connection: AmiConnection, tracker: CallTracker, inbound: InboundRegistry | None = None
    ) -> None:
        self.connection = connection
        self.tracker = tracker
        self.inbound = inbound if inbound is not None else InboundRegistry()
        self._offers: dict[uuid.UUID, set[str]] = {}  # call id → ChannelIds of the phones ringing
        self._tasks: set[asyncio.Task[None]] = set()

    async def offer_to_operator(
        self, session: AsyncSession, call_id: uuid.UUID, operator_id: uuid.UUID
    ) -> OfferTarget | None:
        """In the command's transaction: note who is offered the call. None when the call is not
        waiting for an operator (not answered yet, already talking, or over)."""
        inbound = self.inbound.get(call_id)
        if inbound is not None:
            if inbound.connected_at is not None:
                log.warning("connect.refused", call_id=str(call_id), state="talking")
                return None
            return OfferTarget(inbound.call_id, inbound.project_id, inbound.phone)
        attempt = await repository.lock_attempt(session, call_id)
        if attempt is None or attempt.state != AttemptState.ANSWERED:
            log.warning("connect.refused", call_id=str(call_id), state=getattr(attempt, "state", None))
            return None
        attempt.operator_id = operator_id
        await session.flush()
        return OfferTarget(attempt.id, attempt.project_id, attempt.phone)

    async def connect(
        self,
        attempt: OfferTarget,
        extension: str,
        timeout_seconds: int,
        auto_answer: bool,
        ring_all: list[str],
    ) -> bool:
        extensions = list(dict.fromkeys([extension, *ring_all]))
        if len(extensions) > 1:
            return await self._ring_all(attempt, extensions, timeout_seconds)
        channel = self._channel(attempt.id)
        try:
            for name, value in (
                (dialplan.OPERATOR_TIMEOUT_VAR, str(timeout_seconds)),
                (dialplan.AUTO_ANSWER_VAR, str(int(auto_answer))),
            ):
                await self.connection.send(actions.set_variable(channel, name, value))
            reply = await self.connection.send(actions.redirect_to_operator(channel, extension))
        except (AmiError, TimeoutError) as exc:
            log.warning("connect.failed", call_id=str(attempt.id), error=repr(exc))
            return False
        if not reply.success:
            log.warning(
                "connect.refused_by_pbx", call_id=str(attempt.id), message=str(reply.get("Message", ""))
            )
        return bool(reply.success)

    async def _ring_all(self, attempt: OfferTarget, extensions: list[str], timeout_seconds: int) -> bool:
        round_id = secrets.token_hex(3)
        legs = {extension: offer_channel_id(attempt.id, extension, round_id) for extension in extensions}
        # Known before any reply: the first answer may come quickly.
        self._offers.setdefault(attempt.id, set()).update(legs.values())
        client = self._channel(attempt.id)
        placed = False
        for extension, leg in legs.items():
            action = actions.ring_operator(
                leg,
                extension,
                client,
                attempt_id=attempt.id,
                project_id=attempt.project_id,
                caller_id=attempt.phone,
                timeout_seconds=timeout_seconds,
            )
            try:
                reply = await self.connection.send_single(action)
            except (AmiError, TimeoutError) as exc:
                log.warning("ring.failed", call_id=str(attempt.id), extension=extension, error=repr(exc))
                continue
            placed = placed or bool(reply.success)
        return placed

    def after_events(self, call_id: uuid.UUID, events: list[Event]) -> None:
        """``CallService`` hook: stop the other phones of a ring-all offer once it is settled."""
        if call_id not in self._offers:
            return
        for event in events:
            keep = f"-ring-{event.extension}-" if isinstance(event, CallConnectedToOperator) else None
            if keep is None and not isinstance(event, CallEnded):
                continue
            legs = {leg for leg in self._offers.pop(call_id, set()) if keep is None or keep not in leg}
            task = asyncio.create_task(self._stop_ringing(call_id, legs))
            self._tasks.add(task)
            task.add_done_callback(self._tasks.discard)
            return

    async def _stop_ringing(self, call_id: uuid.UUID, legs: set[str]) -> None:
        for leg in legs:
            try:
                await self.connection.send(actions.hangup(leg))
            except (AmiError, TimeoutError) as exc:
                log.info("ring.stop_failed", call_id=str(call_id), leg=leg, error=repr(exc))

    async def is_live(self, session: AsyncSession, call_id: uuid.UUID, *, waiting: bool = False) -> bool:
        """Is the call still up — and, with ``waiting``, still waiting for an operator (not taken by
        one meanwhile)?"""
        inbound = self.inbound.get(call_id)
        if inbound is not None:
            return not (waiting and inbound.connected_at is not None)
        attempt = await repository.lock_attempt(session, call_id)
        if attempt is None or attempt.state in TERMINAL_STATES:
            return False
        return not (waiting and attempt.state == AttemptState.TALKING)

    async def hang_up(self, call_id: uuid.UUID) -> bool:
        channel = self._channel(call_id)
        try:
            reply = await self.connection.send(actions.hangup(channel))
        except (AmiError, TimeoutError) as exc:
            log.warning("hangup.failed", call_id=str(call_id), error=repr(exc))
            return False
        return bool(reply.success)

    def _channel(self, call_id: uuid.UUID) -> str:
        """The client channel's name when known, else its Uniqueid (= the attempt id), which
        Asterisk 20 accepts wherever a channel name is asked for."""
        return self.tracker.channel_of(call_id) or str(call_id)
