"""Seeded discrete-event simulation of one shift, driving a pacing policy (F-82, pacing.md §6).

Events live in a heap ordered by (time, sequence); there is no wall clock, so a seed gives the same
result every time. The policy is asked for a number of dials every second and whenever an operator
becomes ready; it sees only a :class:`PacingSnapshot` (an oracle may also read true free times through
:meth:`Simulation.busy_free_times`). A person who answers and finds no operator within the grace time
is abandoned; an answering machine AMD did not catch costs an operator a few seconds.
"""

import heapq
from collections import deque
from typing import Protocol

from obzvon_dialer.pacing.settings import PacingSettings
from obzvon_dialer.pacing.simulation.leads import Lead, Outcome, draw_lead
from obzvon_dialer.pacing.simulation.results import RunResult
from obzvon_dialer.pacing.simulation.scenario import Scenario
from obzvon_dialer.pacing.snapshot import PacingSnapshot
from obzvon_dialer.pacing.stats import PacingStats

TICK, ENDED, ANSWERED, DEADLINE, TALK_END, WRAP_END = range(6)
FREE, TALKING, WRAPPING = range(3)


class Policy(Protocol):
    def decide(self, snap: PacingSnapshot) -> int: ...


class Simulation:
    def __init__(self, scenario: Scenario, settings: PacingSettings, policy: Policy, seed: int) -> None:
        self.sc = scenario
        self.settings = settings
        self.policy = policy
        self.seed = seed
        self.end = scenario.hours * 3600.0
        self.stats = PacingStats()
        self.result = RunResult(scenario.agents, scenario.hours)
        hours = max(1, int(scenario.hours + 0.999))
        self.result.hourly_answers = [0] * hours
        self.result.hourly_abandoned = [0] * hours
        self.state = [FREE] * scenario.agents
        self.since = [0.0] * scenario.agents
        self.free_at = [0.0] * scenario.agents
        self.free: deque[int] = deque(range(scenario.agents))
        self.ringing: dict[int, float] = {}
        self.waiting: dict[int, tuple[Lead, float]] = {}  # call -> (lead, answered at)
        self.connected = 0
        self.heap: list[tuple[float, int, int, int]] = []
        self.seq = 0
        self.leads: dict[int, Lead] = {}
        self.next_lead = 0
        self.now = 0.0
        bind = getattr(policy, "bind", None)
        if bind is not None:
            bind(self)

    def busy_free_times(self) -> list[float]:
        """True times at which busy operators will be ready again (for the oracle only)."""
        return [self.free_at[i] for i in range(self.sc.agents) if self.state[i] != FREE]

    def run(self) -> RunResult:
        self._push(0.0, TICK, 0)
        heap = self.heap
        while heap:
            t, _, kind, ref = heapq.heappop(heap)
            if t > self.end:
                break
            self.now = t
            if kind == TICK:
                self._dial()
                if t + 1.0 <= self.end:
                    self._push(t + 1.0, TICK, 0)
            elif kind == ENDED:
                self._ended(ref)
            elif kind == ANSWERED:
                self._answered(ref)
            elif kind == DEADLINE:
                self._deadline(ref)
            elif kind == TALK_END:
                self._talk_end(ref)
            else:
                self._wrap_end(ref)
        return self.result

    # --- events -----------------------------------------------------------------------------------
    def _push(self, t: float, kind: int, ref: int) -> None:
        self.seq += 1
        heapq.heappush(self.heap, (t, self.seq, kind, ref))

    def _dial(self) -> None:
        n = self.policy.decide(self._snapshot())
        for _ in range(n):
            k = self.next_lead
            self.next_lead += 1
            lead = draw_lead(self.sc, self.seed, k)
            self.leads[k] = lead
            self.ringing[k] = self.now
            self.result.dials += 1
            needs_answer = lead.outcome in (Outcome.LIVE, Outcome.MACHINE)
            self._push(self.now + lead.ring_s, ANSWERED if needs_answer else ENDED, k)
        lines = len(self.ringing) + len(self.waiting) + self.connected
        self.result.max_lines = max(self.result.max_lines, lines)

    def _ended(self, k: int) -> None:
        started = self.ringing.pop(k)
        self.stats.record_dial(self.now - started, needs_operator=False)
        del self.leads[k]

    def _answered(self, k: int) -> None:
        started = self.ringing.pop(k)
        lead = self.leads.pop(k)
        human = lead.outcome == Outcome.LIVE
        sc = self.sc
        if sc.amd and self._amd_hangs_up(lead, human):
            self.stats.record_dial(self.now - started, needs_operator=False)
            self.stats.record_amd(false_positive=human)
            if human:
                self.result.live_answers += 1
                self.result.abandoned += 1
                self.result.amd_false_positives += 1
                self._hourly(abandoned=True)
            return
        self.stats.record_dial(self.now - started, needs_operator=True)
        if human:
            self.result.live_answers += 1
        if self.free:
            self._connect(self.free.popleft(), lead)
        else:
            self.waiting[k] = (lead, self.now)
            self._push(self.now + sc.abandon_grace_s, DEADLINE, k)

    def _amd_hangs_up(self, lead: Lead, human: bool) -> bool:
        if human:
            return lead.amd_draw < self.sc.amd_false_positive
        return lead.amd_draw < self.sc.amd_sensitivity

    def _deadline(self, k: int) -> None:
        entry = self.waiting.pop(k, None)
        if entry is None or entry[0].outcome != Outcome.LIVE:
            return
        self.result.abandoned += 1
        self.stats.record_live_answer(self.now, abandoned=True)
        self._hourly(abandoned=True)

    def _connect(self, agent: int, lead: Lead) -> None:
        now = self.now
        if self.state[agent] == FREE and now > 0.0:
            self.result.idle_gaps.append(now - self.since[agent])
        self.state[agent] = TALKING
        self.since[agent] = now
        self.free_at[agent] = now + lead.talk_s + lead.wrap_s
        self.connected += 1
        self._push(now + lead.talk_s, TALK_END, agent)
        self.leads[-1 - agent] = lead  # the operator's current call
        if lead.outcome == Outcome.LIVE:
            self.result.connects += 1
            self.result.talk_s += min(lead.talk_s, self.end - now)
            self.stats.record_live_answer(now, abandoned=False)
            self._hourly(abandoned=False)
        else:
            self.result.machine_s += min(lead.talk_s, self.end - now)

    def _talk_end(self, agent: int) -> None:
        lead = self.leads[-1 - agent]
        self.stats.record_talk(self.now - self.since[agent])
        self.connected -= 1
        self.state[agent] = WRAPPING
        self.since[agent] = self.now
        self.result.wrap_s += min(lead.wrap_s, self.end - self.now)
        self._push(self.now + lead.wrap_s, WRAP_END, agent)

    def _wrap_end(self, agent: int) -> None:
        lead = self.leads.pop(-1 - agent)
        self.stats.record_wrap(self.now - self.since[agent], after_talk_s=lead.talk_s)
        self.state[agent] = FREE
        self.since[agent] = self.now
        if self.waiting:
            k = next(iter(self.waiting))
            lead, _ = self.waiting.pop(k)
            self._connect(agent, lead)
        else:
            self.free.append(agent)
        self._dial()

    def _hourly(self, abandoned: bool) -> None:
        hour = min(int(self.now // 3600.0), len(self.result.hourly_answers) - 1)
        self.result.hourly_answers[hour] += 1
        self.result.hourly_abandoned[hour] += int(abandoned)

    def _snapshot(self) -> PacingSnapshot:
        now = self.now
        talking: list[float] = []
        wrapping: list[float] = []
        for i, st in enumerate(self.state):
            if st == TALKING:
                talking.append(now - self.since[i])
            elif st == WRAPPING:
                wrapping.append(now - self.since[i])
        return PacingSnapshot(
            now=now,
            operators_logged_in=self.sc.agents,
            operators_free=len(self.free),
            talking=talking,
            wrapping=wrapping,
            ringing=[now - t for t in self.ringing.values()],
            waiting=len(self.waiting),
            stats=self.stats,
            settings=self.settings,
        )
