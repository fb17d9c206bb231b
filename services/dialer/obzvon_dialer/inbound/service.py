"""Inbound calls (F-44) as domain events: ``ObzvonInbound`` → ``call_answered`` (direction "in", with
the trunk and the dialled number so queue-router finds the project), the operator's dial →
``call_connected_to_operator`` / ``call_operator_missed``, the caller's hangup → ``call_ended``.

The call id derives from the caller channel's Uniqueid, so every event has a fixed id and a repeat
changes nothing (I3). Inbound calls have no attempt row: a restart of the dialer forgets the ones
waiting, whose channels then run out their hold time in the dialplan.
"""

import uuid
from collections.abc import Callable

import structlog
from obzvon_events.base import Event
from obzvon_platform.operator_states import operator_by_extension
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from obzvon_dialer.calls.domain_events import event_id
from obzvon_dialer.calls.machine import missed_status
from obzvon_dialer.calls.outbox import add_event_once
from obzvon_dialer.calls.signals import CallSignal, Leg, SignalKind
from obzvon_dialer.calls.tracker import CallTracker
from obzvon_dialer.calls.translator import as_uuid
from obzvon_dialer.inbound import events as inbound_events
from obzvon_dialer.inbound.registry import InboundCall, InboundRegistry

log = structlog.get_logger(__name__)


class InboundService:
    def __init__(
        self,
        sessions: async_sessionmaker[AsyncSession],
        registry: InboundRegistry,
        tracker: CallTracker,
        on_events: list[Callable[[uuid.UUID, list[Event]], None]],
    ) -> None:
        self.sessions = sessions
        self.registry = registry
        self.tracker = tracker
        self.on_events = on_events

    def handles(self, signal: CallSignal) -> bool:
        return signal.leg is Leg.INBOUND or signal.attempt_id in self.registry

    async def apply(self, signal: CallSignal) -> list[Event]:
        async with self.sessions() as session, session.begin():
            events = await self._events(session, signal)
            for event in events:
                await add_event_once(session, event, event_id(signal.attempt_id, event))
        if events:
            log.info("inbound.events", call_id=str(signal.attempt_id), events=[e.name for e in events])
            for hook in self.on_events:
                hook(signal.attempt_id, events)
        return events

    async def _events(self, session: AsyncSession, signal: CallSignal) -> list[Event]:
        if signal.kind is SignalKind.INBOUND:
            return self._arrived(signal)
        call = self.registry.get(signal.attempt_id)
        if call is None:
            return []
        if signal.kind is SignalKind.HANGUP_REQUEST:
            # The caller's BYE is the client's; a PBX hangup of a caller still waiting is the system's
            # (after a talk it may follow the operator's hangup, so who it was stays unsaid).
            if signal.leg is Leg.INBOUND and call.hangup_by is None:
                if signal.status == "remote":
                    call.hangup_by = "client"
                elif call.connected_at is None:
                    call.hangup_by = "system"
            return []
        if signal.kind is SignalKind.HANGUP and signal.leg is Leg.INBOUND:
            self.registry.pop(call.call_id)
            self.tracker.forget(call.call_id)
            return [inbound_events.ended(call, signal.cause, signal.at)]
        if call.connected_at is not None:
            return []
        operator = await operator_by_extension(session, signal.extension)
        if signal.kind is SignalKind.OPERATOR_DIAL and signal.status == "ANSWER":
            if operator is None:
                log.warning("inbound.connected_without_operator", call_id=str(call.call_id))
                return []
            call.connected_at, call.operator_id, call.extension = signal.at, operator, signal.extension
            return [inbound_events.connected(call, operator, signal.extension, signal.at)]
        status = signal.status if signal.kind is SignalKind.OPERATOR_DIAL else missed_status(signal.cause)
        if signal.kind is SignalKind.HANGUP and signal.leg is not Leg.OFFER:
            return []
        if signal.leg_id:
            if signal.leg_id in call.missed_legs:
                return []
            call.missed_legs = call.missed_legs | {signal.leg_id}
        return [inbound_events.missed(call, operator, signal.extension, status, signal.at)]

    def _arrived(self, signal: CallSignal) -> list[Event]:
        project_id = as_uuid(signal.project)
        if project_id is None or signal.attempt_id in self.registry:
            return []
        call = InboundCall(
            call_id=signal.attempt_id,
            channel=signal.channel,
            project_id=project_id,
            phone=signal.number,
            trunk_id=as_uuid(signal.trunk),
            did=signal.did,
            answered_at=signal.at,
        )
        self.registry.put(call)
        self.tracker.adopt(call.call_id, call.channel)
        return [inbound_events.answered(call)]
