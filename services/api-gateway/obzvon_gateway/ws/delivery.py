"""Live delivery: this instance's own exclusive, auto-delete queue on the event exchange, routing each
event to the open sockets of the users meant to see it.

- `operator_state_changed` → the operator, every admin, the supervisors of the operator's projects;
- `notification_created` → its recipient;
- `card_opened` → the operator whose card pops; `call_connected_to_operator` → that operator too, as
  the `card_opened` this gateway builds at once, and a `ringing` state change as `card_prepared`
  (cards/live.py); `queue_updated` → every admin;
- `contact_base_import_progressed` / `_finished` → the uploader, every admin, the project's supervisors;
- `user_disabled`, `user_sessions_revoked` → the user's sockets are closed (4401).

Live events are best effort: a socket that was not open misses them and the SPA reloads its data.
"""

import uuid
from collections.abc import Awaitable, Callable
from typing import Any

from aio_pika.abc import AbstractIncomingMessage, AbstractRobustChannel
from obzvon_db.enums import UserRole
from obzvon_events import Envelope, parse
from obzvon_events.bases import ContactBaseImportFinished, ContactBaseImportProgressed
from obzvon_events.calls import CallConnectedToOperator, QueueUpdated
from obzvon_events.cards import CardOpened, CardPrepared
from obzvon_events.notifications import NotificationCreated
from obzvon_events.operators import OperatorStateChanged
from obzvon_events.users import UserDisabled, UserSessionsRevoked
from obzvon_platform.bus import Bus, declare_exchange
from obzvon_platform.logging import get_logger
from pydantic import ValidationError

from obzvon_gateway.cards.live import LiveCards
from obzvon_gateway.producer import PRODUCER
from obzvon_gateway.ws.hub import CLOSE_SESSION_ENDED, Hub

log = get_logger(__name__)

#: Who, among these candidate supervisors, supervises the operator (a database question).
SupervisorLookup = Callable[[uuid.UUID], Awaitable[frozenset[uuid.UUID]]]

BASE_IMPORTS = (ContactBaseImportProgressed, ContactBaseImportFinished)
FORWARDED = (OperatorStateChanged, NotificationCreated, CardOpened, QueueUpdated, *BASE_IMPORTS)
REVOKING = (UserDisabled, UserSessionsRevoked)


def event_message(envelope: Envelope) -> dict[str, Any]:
    return {"type": "event", "event": envelope.model_dump(mode="json")}


class LiveDelivery:
    def __init__(
        self,
        bus: Bus,
        hub: Hub,
        supervisors_of: SupervisorLookup,
        project_supervisors: SupervisorLookup | None = None,
        cards: LiveCards | None = None,
    ) -> None:
        self.bus = bus
        self.hub = hub
        self.supervisors_of = supervisors_of
        self.project_supervisors = project_supervisors
        self.cards = cards
        self.queue_name = f"api-gateway.live.{uuid.uuid4().hex[:12]}"
        self._channel: AbstractRobustChannel | None = None

    @property
    def routing_keys(self) -> tuple[str, ...]:
        popping = (CallConnectedToOperator,) if self.cards is not None else ()
        return tuple(sorted({cls.routing_key for cls in (*FORWARDED, *REVOKING, *popping)}))

    async def start(self) -> None:
        channel = await self.bus.channel(prefetch=200)
        exchange = await declare_exchange(channel, self.bus.exchange_name)
        queue = await channel.declare_queue(self.queue_name, exclusive=True, auto_delete=True)
        for routing_key in self.routing_keys:
            await queue.bind(exchange, routing_key=routing_key)
        await queue.consume(self._on_message, no_ack=True)
        self._channel = channel

    async def stop(self) -> None:
        channel, self._channel = self._channel, None
        if channel is not None and not channel.is_closed:
            await channel.close()

    async def _on_message(self, message: AbstractIncomingMessage) -> None:
        try:
            await self.route(Envelope.from_json_bytes(message.body))
        except ValidationError as exc:
            log.warning("ws.bad_event", error=str(exc))
        except Exception as exc:
            log.exception("ws.delivery_failed", error=repr(exc))

    async def route(self, envelope: Envelope) -> int:
        """Deliver one event; returns how many sockets it was queued to."""
        key = (envelope.name, envelope.version)
        if key in {(cls.name, cls.version) for cls in REVOKING}:
            self.hub.close_user(uuid.UUID(str(envelope.data["user_id"])), CLOSE_SESSION_ENDED)
            return 0
        if key == (OperatorStateChanged.name, OperatorStateChanged.version):
            event = OperatorStateChanged.from_envelope(envelope)
            sent = self.hub.send_to_users(
                await self.operator_audience(event.operator_id), event_message(envelope)
            )
            return sent + await self.prepare_card(event)
        elif key == (NotificationCreated.name, NotificationCreated.version):
            recipients = {NotificationCreated.from_envelope(envelope).user_id}
        elif key == (CardOpened.name, CardOpened.version):
            recipients = {CardOpened.from_envelope(envelope).operator_id}
        elif key == (CallConnectedToOperator.name, CallConnectedToOperator.version):
            return await self.pop_card(CallConnectedToOperator.from_envelope(envelope))
        elif key == (QueueUpdated.name, QueueUpdated.version):
            recipients = self.hub.connected_users(UserRole.ADMIN)
        elif key in {(cls.name, cls.version) for cls in BASE_IMPORTS}:
            progress = parse(envelope)
            assert isinstance(progress, BASE_IMPORTS)
            recipients = await self.project_audience(progress.project_id, progress.uploaded_by)
        else:
            return 0
        return self.hub.send_to_users(recipients, event_message(envelope))

    async def prepare_card(self, event: OperatorStateChanged) -> int:
        """Only the instance holding the operator's sockets prepares the card."""
        if self.cards is None or not self.hub.is_connected(event.operator_id):
            return 0
        return self._send_card(await self.cards.prepare(event))

    async def pop_card(self, event: CallConnectedToOperator) -> int:
        """Only the instance holding the operator's sockets builds the card."""
        if self.cards is None or not self.hub.is_connected(event.operator_id):
            return 0
        return self._send_card(await self.cards.open(event))

    def _send_card(self, card: CardOpened | CardPrepared | None) -> int:
        if card is None:
            return 0
        return self.hub.send_to_users({card.operator_id}, event_message(card.to_envelope(PRODUCER)))

    async def operator_audience(self, operator_id: uuid.UUID) -> set[uuid.UUID]:
        audience = {operator_id, *self.hub.connected_users(UserRole.ADMIN)}
        supervisors = self.hub.connected_users(UserRole.SUPERVISOR)
        if supervisors:
            audience |= supervisors & await self.supervisors_of(operator_id)
        return audience

    async def project_audience(self, project_id: uuid.UUID, user_id: uuid.UUID | None) -> set[uuid.UUID]:
        """Every admin, the project's supervisors, and ``user_id`` (who started the action) if any."""
        audience = self.hub.connected_users(UserRole.ADMIN)
        if user_id is not None:
            audience.add(user_id)
        supervisors = self.hub.connected_users(UserRole.SUPERVISOR)
        if supervisors and self.project_supervisors is not None:
            audience |= supervisors & await self.project_supervisors(project_id)
        return audience
