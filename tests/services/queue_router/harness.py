"""Drives a queue-router with the exact events the dialer emits and observes what it commits: operator
state intervals and the commands and events in the outbox. Each event is handled to the end before
``send`` returns, so there is nothing to wait for; timers are the router's own."""

import datetime as dt
import time
import uuid
from typing import Any

import sqlalchemy as sa
from obzvon_db.enums import OperatorState
from obzvon_db.models import OperatorStateInterval, OutboxMessage, User
from obzvon_events import Event
from obzvon_events.calls import CallAnswered, CallConnectedToOperator, CallEnded
from obzvon_platform.redis import RedisKeys
from obzvon_queue_router.consumers import RouterEvents
from obzvon_queue_router.queue.router import Router
from redis.asyncio import Redis
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

OSI = OperatorStateInterval


def now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


class Harness:
    def __init__(
        self, router: Router, sessions: async_sessionmaker[AsyncSession], redis: Redis, keys: RedisKeys
    ) -> None:
        self.router = router
        self.events = RouterEvents(router)
        self.sessions = sessions
        self.redis = redis
        self.keys = keys

    # -- the world --------------------------------------------------------------------------------
    async def beat(self, *operators: User) -> None:
        """The operators' browsers are alive (what the gateway's /ws writes)."""
        for operator in operators:
            await self.redis.set(self.keys.key("heartbeat", operator.id), repr(time.time()), ex=60)

    async def silence(self, *operators: User) -> None:
        for operator in operators:
            await self.redis.delete(self.keys.key("heartbeat", operator.id))

    # -- the dialer's events ----------------------------------------------------------------------
    async def send(self, event: Event, producer: str = "dialer") -> None:
        await self.events.handle(event.to_envelope(producer))

    async def answer(
        self,
        project_id: uuid.UUID,
        *,
        contact_id: uuid.UUID | None = None,
        phone: str = "79001234567",
        direction: str = "out",
        operator_id: uuid.UUID | None = None,
        call_id: uuid.UUID | None = None,
    ) -> uuid.UUID:
        call_id = call_id or uuid.uuid4()
        await self.send(
            CallAnswered(
                call_id=call_id,
                project_id=project_id,
                contact_id=contact_id,
                phone=phone,
                direction=direction,
                operator_id=operator_id,
                answered_at=now(),
            )
        )
        return call_id

    async def connect(self, call_id: uuid.UUID, project_id: uuid.UUID, operator: User) -> None:
        assert operator.extension is not None
        await self.send(
            CallConnectedToOperator(
                call_id=call_id,
                project_id=project_id,
                operator_id=operator.id,
                extension=operator.extension,
                connected_at=now(),
            )
        )

    async def end(
        self,
        call_id: uuid.UUID,
        project_id: uuid.UUID,
        operator: User | None = None,
        outcome: str = "answered",
    ) -> None:
        await self.send(
            CallEnded(
                call_id=call_id,
                project_id=project_id,
                operator_id=operator.id if operator else None,
                outcome=outcome,
                started_at=now(),
                ended_at=now(),
            )
        )

    async def send_state_change(self, operators: list[User]) -> None:
        """The gateway's ``operator_state_changed`` for operators who chose a state (already written)."""
        from obzvon_events.operators import OperatorStateChanged
        from obzvon_platform.operator_states import member_project_ids

        for operator in operators:
            async with self.sessions() as db:
                projects = await member_project_ids(db, operator.id)
            await self.send(
                OperatorStateChanged(
                    operator_id=operator.id, state="active", project_ids=projects, started_at=now()
                ),
                producer="api-gateway",
            )

    # -- what was committed -----------------------------------------------------------------------
    async def outbox(self, name: str, call_id: uuid.UUID | None = None) -> list[dict[str, Any]]:
        async with self.sessions() as db:
            query = sa.select(OutboxMessage.payload).where(OutboxMessage.payload["name"].astext == name)
            if call_id is not None:
                query = query.where(OutboxMessage.payload["data"]["call_id"].astext == str(call_id))
            rows = await db.scalars(query.order_by(OutboxMessage.created_at))
            return [row["data"] for row in rows]

    async def outbox_for_contact(self, name: str, contact_id: uuid.UUID) -> list[dict[str, Any]]:
        return [d for d in await self.outbox(name) if d.get("contact_id") == str(contact_id)]

    async def offers(self, call_id: uuid.UUID) -> list[uuid.UUID]:
        """Operators the call was offered to (``connect_call`` commands), in order."""
        return [uuid.UUID(d["operator_id"]) for d in await self.outbox("connect_call", call_id)]

    async def state(self, operator: User) -> OperatorState | None:
        async with self.sessions() as db:
            value = await db.scalar(
                sa.select(OSI.state).where(OSI.operator_id == operator.id, OSI.ended_at.is_(None))
            )
            return OperatorState(value) if value is not None else None
