"""One test's call centre on the acceptance stack: operators at their desks, projects on a trunk, calls
placed through the dialer, and what the system recorded about them — messages on the bus, operator
state intervals in Postgres, call records written by reporting."""

import datetime as dt
import uuid
from typing import Any

import sqlalchemy as sa
from obzvon_db.enums import OperatorState, QueueStrategy
from obzvon_db.models import (
    Call,
    Contact,
    OperatorStateInterval,
    ProcessedMessage,
    Project,
    ResultStatus,
    Trunk,
)
from obzvon_dialer.ami.dialplan import trunk_endpoint
from obzvon_dialer.calls.translator import inbound_call_id
from obzvon_dialer.pbx_config.render import TrunkConfig
from obzvon_dialer.pbx_config.source import load_trunks
from obzvon_events.commands import OriginateCall
from obzvon_pbx_sim import InboundCall
from obzvon_pbx_sim.telephony import causes
from obzvon_pbx_sim.telephony.channel import Channel

from tests.acceptance.queue.people import Agent
from tests.acceptance.queue.stack import Stack
from tests.acceptance.queue.world import add_contact, add_operator, add_project, add_trunk
from tests.services.api_gateway.client import ApiClient
from tests.telephony.stack import eventually, finished_record

OSI = OperatorStateInterval


def random_ip() -> str:
    value = uuid.uuid4().int
    return f"10.{value % 250 + 1}.{(value >> 8) % 250 + 1}.{(value >> 16) % 250 + 1}"


class Floor:
    def __init__(self, stack: Stack) -> None:
        self.stack = stack
        self.sessions = stack.sessions
        self.watch = stack.watch
        self.agents: list[Agent] = []
        self.statuses: dict[uuid.UUID, ResultStatus] = {}
        self._trunk: Trunk | None = None

    # -- people and data --------------------------------------------------------------------------
    async def operators(self, count: int, *, state: str | None = "active") -> list[Agent]:
        """Operators signed in with the app open (heartbeat alive), in ``state`` when given."""
        agents = []
        for _ in range(count):
            user = await add_operator(self.sessions)
            api = ApiClient(self.stack.gateway, random_ip())
            assert (await api.login(user.email)).status_code == 200
            agent = Agent(user, api, self.stack.sim, self.stack.ws_url)
            self.agents.append(agent)
            await agent.open_app()
            if state is not None:
                await agent.choose(state)
            agents.append(agent)
        return agents

    async def trunk(self) -> Trunk:
        if self._trunk is None:
            self._trunk = await add_trunk(self.sessions)
        return self._trunk

    async def project(
        self, agents: list[Agent], strategy: QueueStrategy = QueueStrategy.LINEAR, **settings: Any
    ) -> Project:
        """A project whose group lists ``agents`` in this order."""
        trunk = await self.trunk()
        project, status = await add_project(
            self.sessions, trunk, [a.user for a in agents], strategy=strategy, **settings
        )
        self.statuses[project.id] = status
        return project

    async def contact(self, project: Project, last_digit: int = 9, **values: object) -> Contact:
        return await add_contact(self.sessions, project, last_digit, **values)

    # -- calls ------------------------------------------------------------------------------------
    async def dial(
        self,
        project: Project,
        contact: Contact,
        *,
        call_type: str = "auto",
        operator: Agent | None = None,
    ) -> uuid.UUID:
        """The dialer places a call to the contact (the command the campaign loop's claims amount to)."""
        command = OriginateCall(
            call_id=uuid.uuid4(),
            project_id=project.id,
            contact_id=contact.id,
            phone=contact.phone,
            operator_id=operator.id if operator else None,
            call_type=call_type,
            timeout_seconds=60,
        )
        await self.stack.commands.publish_event(command, "tests", require_route=True)
        return command.call_id

    async def answered_call(self, project: Project, contact: Contact) -> uuid.UUID:
        """A call to the contact, once the client answered and waits for an operator."""
        call_id = await self.dial(project, contact)
        await self.watch.first("call_answered", call_id=call_id)
        return call_id

    async def inbound_trunk(self, project: Project) -> TrunkConfig:
        """A trunk routed to the project, as the generated PJSIP configuration sets it up."""
        trunk = await add_trunk(self.sessions, inbound_project=project)
        async with self.sessions() as db:
            return next(config for config in await load_trunks(db) if config.id == trunk.id)

    def ring_in(self, trunk: TrunkConfig, caller: str, **call: Any) -> tuple[uuid.UUID, Channel]:
        """A client calls in on the trunk (the PBX sets the trunk's variables on the call); returns
        the call id the dialer gives it and the client's channel."""
        channel = self.stack.sim.inbound_call(
            InboundCall(
                caller=caller,
                trunk=trunk_endpoint(trunk.id),
                trunk_id=str(trunk.id),
                project_id=str(trunk.inbound_project_id or ""),
                **call,
            )
        )
        return inbound_call_id(channel.uniqueid), channel

    async def client_hangs_up(self, call_id: uuid.UUID) -> None:
        engine = self.stack.sim.engine
        channel = engine.channels.find(str(call_id))
        assert channel is not None, "the client's channel is gone"
        await engine.hangup(channel, causes.NORMAL_CLEARING, request="remote")

    async def offers(self, call_id: uuid.UUID, count: int = 1, within: float = 15.0) -> list[uuid.UUID]:
        """The operators the call was offered to (``connect_call``), in order, once there are ``count``."""
        await self.watch.arrived("connect_call", within, count, call_id=call_id)
        return [uuid.UUID(c["operator_id"]) for c in self.watch.all("connect_call", call_id=call_id)]

    async def route(self, call_id: uuid.UUID, taker: Agent, among: list[Agent]) -> list[uuid.UUID]:
        """Each operator the call rings declines, until it rings ``taker``, who picks up; returns the
        operators offered, in order."""
        by_id = {agent.id: agent for agent in among}
        handled = 0
        while True:
            offered = by_id[(await self.offers(call_id, handled + 1))[handled]]
            handled += 1
            if offered is taker:
                await taker.picks_up()
                break
            await offered.declines()
        await self.watch.first("call_connected_to_operator", call_id=call_id, operator_id=taker.id)
        return (await self.offers(call_id))[:handled]

    async def wrap_up(self, agent: Agent, call_id: uuid.UUID, project: Project) -> None:
        """The operator, in card after the call, saves it with the project's result status (F-52)."""
        await self.until_state(agent, OperatorState.IN_CARD)
        response = await agent.save_card(call_id, self.statuses[project.id].id, comment="Перезвонить")
        assert response.status_code == 204, response.text

    async def set_strategy(self, project: Project, strategy: QueueStrategy) -> None:
        """An administrator changes the project's ring strategy."""
        async with self.sessions() as db, db.begin():
            await db.execute(sa.update(Project).where(Project.id == project.id).values(strategy=strategy))

    async def task(
        self, agent: Agent, contact: Contact, due_in: float, *, automatic: bool = True
    ) -> dict[str, Any]:
        """The operator sets a task on the contact in the SPA (F-54), due ``due_in`` seconds from now."""
        due = dt.datetime.now(dt.UTC) + dt.timedelta(seconds=due_in)
        response = await agent.api.http.post(
            "/api/tasks",
            json={
                "contact_id": str(contact.id),
                "text": "Перезвонить клиенту",
                "due_at": due.isoformat(),
                "call_automatically": automatic,
            },
        )
        assert response.status_code == 201, response.text
        task: dict[str, Any] = response.json()
        return task

    async def handled_by_dialer(self, message_id: uuid.UUID) -> None:
        """Wait until the dialer has acted on a command (its id is in ``processed_messages``)."""

        async def handled() -> bool | None:
            async with self.sessions() as db:
                found = await db.scalar(
                    sa.select(ProcessedMessage.message_id).where(
                        ProcessedMessage.consumer == "dialer.commands",
                        ProcessedMessage.message_id == message_id,
                    )
                )
            return True if found else None

        await eventually(handled)

    async def record(self, call_id: uuid.UUID) -> Call:
        """The call record, once reporting has the call's end."""
        return await finished_record(self.sessions, call_id)

    # -- operator states ---------------------------------------------------------------------------
    async def current(self, agent: Agent) -> OperatorStateInterval | None:
        async with self.sessions() as db:
            query = sa.select(OSI).where(OSI.operator_id == agent.id, OSI.ended_at.is_(None))
            return await db.scalar(query)

    async def state(self, agent: Agent) -> OperatorState | None:
        current = await self.current(agent)
        return OperatorState(current.state) if current is not None else None

    async def until_state(self, agent: Agent, state: OperatorState, within: float = 15.0) -> None:
        async def reached() -> bool | None:
            return True if await self.state(agent) is state else None

        await eventually(reached, within)

    async def intervals(self, agent: Agent) -> list[OperatorStateInterval]:
        async with self.sessions() as db:
            rows = await db.scalars(
                sa.select(OSI).where(OSI.operator_id == agent.id).order_by(OSI.started_at, OSI.id)
            )
            return list(rows)

    async def states(self, agent: Agent) -> list[OperatorState]:
        return [OperatorState(row.state) for row in await self.intervals(agent)]

    async def calls_of(self, agent: Agent, call_id: uuid.UUID) -> list[OperatorState]:
        """The states the operator went through for one call."""
        return [OperatorState(r.state) for r in await self.intervals(agent) if r.call_id == call_id]

    # -- the end of the test -----------------------------------------------------------------------
    async def close(self) -> None:
        """Every call still up is hung up, every app closed."""
        engine = self.stack.sim.engine
        for channel in engine.channels.all():
            await engine.hangup(channel, causes.NORMAL_CLEARING, request="remote")
        for agent in self.agents:
            await agent.close_app()
            await agent.api.close()
