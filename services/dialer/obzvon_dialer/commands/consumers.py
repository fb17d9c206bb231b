"""The ``dialer.commands`` queue (durable, quorum, with a delivery limit and a DLQ).

Each command is claimed in ``processed_messages`` in the transaction that records its effect on the
attempt, and that transaction commits BEFORE anything is sent to Asterisk: a redelivered command is
skipped, so an Originate is never sent twice for one command (I2). connect/hangup commands older than
``command_max_age`` are refused as stale.
"""

import datetime as dt
import uuid

import structlog
from obzvon_db.enums import CallType
from obzvon_events import Envelope, parse
from obzvon_events.commands import ConnectCall, HangupCall, OriginateCall
from obzvon_platform.bus import DEFAULT_EXCHANGE, Bus, Consumer, QueueSpec, claim_message
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from obzvon_dialer.calls.outbox import add_event_once
from obzvon_dialer.commands.control import CallControl
from obzvon_dialer.originate.refusal import Refusal, refused_call_ended
from obzvon_dialer.originate.service import CallRequest, Originator

log = structlog.get_logger(__name__)

QUEUE = "dialer.commands"
CONSUMER = "dialer.commands"
COMMANDS = (OriginateCall, ConnectCall, HangupCall)


class DialerCommands:
    def __init__(
        self,
        sessions: async_sessionmaker[AsyncSession],
        originator: Originator,
        control: CallControl,
        *,
        max_age_seconds: float,
    ) -> None:
        self.sessions = sessions
        self.originator = originator
        self.control = control
        self.max_age = dt.timedelta(seconds=max_age_seconds)

    def consumer(self, bus: Bus) -> Consumer:
        # On another exchange than the default (a test run sharing the vhost) a queue of its own:
        # a queue's dead-letter exchange is fixed when it is declared.
        name = QUEUE if bus.exchange_name == DEFAULT_EXCHANGE else f"{QUEUE}@{bus.exchange_name}"
        spec = QueueSpec(name, tuple(sorted(c.routing_key for c in COMMANDS)))
        return Consumer(bus, spec, self.handle)

    async def handle(self, envelope: Envelope) -> None:
        message = parse(envelope)
        bound = log.bind(message_id=str(envelope.id), command=envelope.name)
        if isinstance(message, OriginateCall):
            await self._originate(envelope, message)
        elif dt.datetime.now(dt.UTC) - envelope.occurred_at > self.max_age:
            bound.warning("command.stale", occurred_at=envelope.occurred_at.isoformat())
        elif isinstance(message, ConnectCall):
            await self._connect(envelope, message)
        elif isinstance(message, HangupCall):
            await self._hangup(envelope, message)
        else:
            bound.debug("command.ignored")

    async def _originate(self, envelope: Envelope, command: OriginateCall) -> None:
        if command.contact_id is None:
            log.warning("originate.refused", call_id=str(command.call_id), reason="no_contact")
            return
        request = CallRequest(
            attempt_id=command.call_id,
            project_id=command.project_id,
            contact_id=command.contact_id,
            phone=command.phone,
            call_type=_call_type(command.call_type),
            operator_id=command.operator_id,
            trunk_id=command.trunk_id,
            caller_id=command.caller_id,
            timeout_seconds=command.timeout_seconds,
        )
        async with self.sessions() as session, session.begin():
            if not await claim_message(session, CONSUMER, envelope.id):
                return
            spec = await self.originator.register(session, request)
            if isinstance(spec, Refusal):
                if request.operator_id is not None and spec.ends_the_call:
                    event = refused_call_ended(request, spec.reason)
                    await add_event_once(session, event, uuid.uuid5(request.attempt_id, "refused"))
                return
        await self.originator.send(spec)

    async def _connect(self, envelope: Envelope, command: ConnectCall) -> None:
        async with self.sessions() as session, session.begin():
            if not await claim_message(session, CONSUMER, envelope.id):
                return
            attempt = await self.control.offer_to_operator(session, command.call_id, command.operator_id)
        if attempt is not None:
            await self.control.connect(
                attempt, command.extension, command.timeout_seconds, command.auto_answer, command.ring_all
            )

    async def _hangup(self, envelope: Envelope, command: HangupCall) -> None:
        async with self.sessions() as session, session.begin():
            if not await claim_message(session, CONSUMER, envelope.id):
                return
            # A queue timeout never hangs up a call an operator has just taken (queue-router may not
            # have heard of it yet).
            waiting = command.reason == "queue_timeout"
            live = await self.control.is_live(session, command.call_id, waiting=waiting)
        if live:
            log.info("hangup.requested", call_id=str(command.call_id), reason=command.reason)
            await self.control.hang_up(command.call_id)


def _call_type(value: str) -> CallType:
    try:
        return CallType(value)
    except ValueError:
        return CallType.MANUAL
