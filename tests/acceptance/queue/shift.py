"""A simulated working hour on the acceptance stack: operators who pick up, talk, wrap up, take breaks,
call clients from the card and lose their browser once; a campaign dialing, clients calling in,
callbacks coming due and a restart of queue-router — everything through the real services. Times are
simulated seconds (``stack.SCALE`` of real time each)."""

import asyncio
import random
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field

from obzvon_db.enums import OperatorState as S
from obzvon_db.models import Contact, OperatorStateInterval, Project
from obzvon_pbx_sim import OperatorMode

from tests.acceptance.queue.floor import Floor
from tests.acceptance.queue.people import Agent
from tests.acceptance.queue.stack import SCALE

TICK = 10.0  # how often an operator looks at their screen


def real(sim_seconds: float) -> float:
    return sim_seconds * SCALE


@dataclass
class Habit:
    """How one operator works: phone pick-up delay, how long they talk and wrap up, how often they
    take a break, and how likely they are to call a client from the card."""

    answer_delay: float
    talk: tuple[float, float] = (60.0, 240.0)
    wrap: tuple[float, float] = (10.0, 60.0)
    #: When breaks are due (into the shift): taken as soon as the operator is free after that.
    breaks: tuple[float, ...] = (1200.0, 2700.0)
    break_length: tuple[float, float] = (60.0, 240.0)
    calls_out: float = 0.15
    #: The wrap-up at which an operator who has not called anyone yet calls a client anyway, so that
    #: every shift has manual calls whatever the dice say.
    sure_call_out: int = 2


@dataclass
class Desk:
    """One operator working the shift until ``stop`` is set."""

    floor: Floor
    agent: Agent
    habit: Habit
    rng: random.Random
    to_call: list[Contact]
    placed: list[str] = field(default_factory=list)
    started: float = field(default_factory=time.monotonic)
    _break_until: float = 0.0
    _breaks_taken: int = 0
    _wrap_ups: int = 0
    _plans: dict[object, float] = field(default_factory=dict)

    async def work(self, stop: asyncio.Event) -> None:
        self.agent.phone.mode = OperatorMode.AUTO
        self.agent.phone.answer_delay = self.habit.answer_delay
        while not stop.is_set():
            interval = await self.floor.current(self.agent)
            if interval is not None:
                await self.act(interval)
            await asyncio.sleep(real(TICK))

    def planned(self, interval: OperatorStateInterval, spread: tuple[float, float]) -> float:
        """How long this talk or wrap-up is to last, decided when it began."""
        return self._plans.setdefault(interval.id, self.rng.uniform(*spread))

    async def act(self, interval: OperatorStateInterval) -> None:
        state = S(interval.state)
        spent = (time.time() - interval.started_at.timestamp()) / SCALE
        if state is S.TALKING and spent >= self.planned(interval, self.habit.talk):
            await self.floor.stack.sim.phones.hangup(self.agent.phone)
        elif state is S.IN_CARD and spent >= self.planned(interval, self.habit.wrap):
            await self.wrap_up(interval)
        elif state is S.ACTIVE and self.break_due():
            response = await self.agent.api.http.put("/api/operators/me/state", json={"state": "pause"})
            if response.status_code == 200:  # not rung meanwhile
                self._breaks_taken += 1
                self._break_until = time.monotonic() + real(self.rng.uniform(*self.habit.break_length))
        elif state is S.PAUSE and time.monotonic() >= self._break_until:
            await self.agent.api.http.put("/api/operators/me/state", json={"state": "active"})

    def break_due(self) -> bool:
        due = self.habit.breaks[self._breaks_taken :]
        return bool(due) and time.monotonic() >= self.started + real(due[0])

    async def wrap_up(self, interval: OperatorStateInterval) -> None:
        self._wrap_ups += 1
        overdue = not self.placed and self._wrap_ups >= self.habit.sure_call_out
        if self.to_call and (overdue or self.rng.random() < self.habit.calls_out):
            contact = self.to_call.pop()
            response = await self.agent.api.http.post("/api/cards/call", json={"contact_id": str(contact.id)})
            self.placed.append(response.json()["call_id"])
            return
        assert interval.call_id is not None and interval.project_id is not None
        status = self.floor.statuses[interval.project_id]
        await self.agent.save_card(interval.call_id, status.id)


async def calls_coming_in(floor: Floor, project: Project, rng: random.Random, stop: asyncio.Event) -> int:
    """Clients calling the project's inbound trunk every one or two minutes; each hangs up after a
    while, whether an operator took the call or not. Returns how many called."""
    trunk = await floor.inbound_trunk(project)
    count = 0
    while not stop.is_set():
        await asyncio.sleep(real(rng.uniform(60.0, 120.0)))
        floor.ring_in(trunk, f"7926{rng.randrange(10**7):07d}", hangup_after=rng.uniform(20.0, 300.0))
        count += 1
    return count


async def at(start: float, sim_seconds: float, action: Callable[[], Awaitable[object]]) -> None:
    """Run ``action`` at ``sim_seconds`` into the shift that began at ``start`` (monotonic)."""
    await asyncio.sleep(max(0.0, start + real(sim_seconds) - time.monotonic()))
    await action()
