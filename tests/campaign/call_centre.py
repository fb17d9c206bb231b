"""A whole call centre for the end-to-end predictive test. The product runs as deployed: the dialer,
queue-router and the gateway are processes of their own (``python -m ...``) on a database, exchange
and Redis prefix of the test's own. The outside world runs in the test's process: pbx-sim (its AMI
socket, a seeded outcome model) and the operators.

Simulated operators work as the SPA does: sign in, open the WebSocket (pings are the heartbeat),
choose "active", and on ``card_opened`` talk for a sampled time, hang up their phone (pbx-sim's phone
control, as a person puts down a SIP handset), wait for the wrap-up state, fill in the card for a
sampled time and save it with a result status (``PUT /api/cards/{call_id}``), which frees them.
"""

import asyncio
import contextlib
import functools
import json
import math
import os
import random
import signal
import subprocess
import sys
import uuid
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from pathlib import Path

import httpx
import websockets
from obzvon_pbx_sim import PbxSim

from tests.campaign.stack import eventually
from tests.fixtures.serving import free_port

CARD_SAVED = 204
PING_EVERY_S = 2.0
#: Conversations are cut at this many times the mean (the lognormal's tail beyond it is under 2 %).
LONGEST_TALK = 4.0


#: Imports the services once, then per JSON line on stdin forks one (its environment, its log file)
#: and prints the child's pid: a service starts in milliseconds instead of seconds of imports.
ZYGOTE = """
import importlib, json, os, runpy, signal, sys
for name in sys.argv[1:]:
    importlib.import_module(name + ".main")
signal.signal(signal.SIGCHLD, signal.SIG_IGN)  # children are reaped at once
print("ready", flush=True)
for line in sys.stdin:
    request = json.loads(line)
    pid = os.fork()
    if pid == 0:
        signal.signal(signal.SIGCHLD, signal.SIG_DFL)
        os.environ.update(request["env"])
        log = os.open(request["log"], os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
        os.dup2(log, 1)
        os.dup2(log, 2)
        runpy.run_module(request["module"], run_name="__main__")
        os._exit(0)
    print(pid, flush=True)
"""


@dataclass(frozen=True)
class Service:
    module: str
    port_variable: str
    env: dict[str, str]
    port: int = field(default_factory=free_port)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"


async def exited(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    return False


class Zygote:
    """The parent of the service processes (``ZYGOTE``)."""

    def __init__(self, modules: list[str], env: dict[str, str], logs: Path) -> None:
        self.logs = logs
        with (logs / "zygote.log").open("wb") as log:
            self.process = subprocess.Popen(
                [sys.executable, "-c", ZYGOTE, *modules],
                env=env,
                cwd=logs,
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=log,
            )
        assert self._line() == "ready"

    def _line(self) -> str:
        assert self.process.stdout is not None
        return self.process.stdout.readline().decode().strip()

    def fork(self, service: Service) -> int:
        assert self.process.stdin is not None
        request = {
            "module": service.module,
            "env": {**service.env, service.port_variable: str(service.port)},
            "log": str(self.logs / f"{service.module}.log"),
        }
        self.process.stdin.write(json.dumps(request).encode() + b"\n")
        self.process.stdin.flush()
        return int(self._line())

    def close(self) -> None:
        self.process.kill()
        self.process.wait(10)


@contextlib.asynccontextmanager
async def processes(services: list[Service], env: dict[str, str], logs: Path) -> AsyncIterator[None]:
    """Run each service (``python -m <module>``) as a process of its own, forked from one process that
    imported them all; stop them (SIGTERM, then SIGKILL) on the way out."""
    zygote = await asyncio.to_thread(Zygote, [service.module for service in services], env, logs)
    pids: list[int] = []
    try:
        for service in services:
            pids.append(await asyncio.to_thread(zygote.fork, service))
        yield
    finally:
        for pid in pids:
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGTERM)
        for pid in pids:
            with contextlib.suppress(TimeoutError):
                await eventually(functools.partial(exited, pid), within=15)
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)
        await asyncio.to_thread(zygote.close)


async def wait_ready(urls: list[str], within: float = 60.0) -> None:
    """Each service's /readyz (its database, bus and, for the dialer, AMI link) answers 200."""
    async with httpx.AsyncClient(timeout=2) as http:

        async def ready(url: str) -> bool:
            with contextlib.suppress(httpx.HTTPError):
                return (await http.get(f"{url}/readyz")).status_code == httpx.codes.OK
            return False

        for url in urls:
            await eventually(functools.partial(ready, url), within)


def environment(**values: str) -> dict[str, str]:
    return {**os.environ, **values}


def lognormal(rng: random.Random, mean: float, cv: float) -> float:
    sigma2 = math.log(1.0 + cv * cv)
    return rng.lognormvariate(math.log(mean) - sigma2 / 2.0, math.sqrt(sigma2))


@dataclass(frozen=True)
class Behaviour:
    """How operators work, in simulated seconds; ``scale`` turns them into wall-clock seconds."""

    talk_mean_s: float
    talk_cv: float
    wrap_mean_s: float
    scale: float
    result_status_id: uuid.UUID


@dataclass
class OperatorLog:
    cards_saved: int = 0
    hung_up: int = 0
    errors: list[str] = field(default_factory=list)


class SimulatedOperator:
    """One operator at their desk: a browser session (HTTP + WebSocket) and a phone in pbx-sim."""

    def __init__(
        self, email: str, password: str, extension: str, base_url: str, sim: PbxSim, behaviour: Behaviour
    ) -> None:
        self.email = email
        self.password = password
        self.extension = extension
        self.base_url = base_url
        self.sim = sim
        self.behaviour = behaviour
        self.rng = random.Random(extension)
        self.log = OperatorLog()
        self.ready = asyncio.Event()
        self._me = ""
        self._in_card: dict[str, asyncio.Event] = {}
        self._calls: set[asyncio.Task[None]] = set()
        #: Calls whose card popped: like the SPA, a call's card pops once, whichever of the gateway's
        #: and queue-router's ``card_opened`` comes first.
        self._popped: set[str] = set()

    @property
    def busy(self) -> bool:
        """A call or a card is still being handled."""
        return bool(self._calls)

    async def run(self) -> None:
        async with httpx.AsyncClient(base_url=self.base_url, timeout=30) as http:
            signed_in = await http.post(
                "/api/auth/login", json={"email": self.email, "password": self.password}
            )
            signed_in.raise_for_status()
            http.headers["X-CSRF-Token"] = signed_in.cookies["obzvon_csrf"]
            cookie = f"obzvon_session={signed_in.cookies['obzvon_session']}"
            ws_url = self.base_url.replace("http://", "ws://") + "/ws"
            headers = {"Cookie": cookie, "Origin": self.base_url}
            async with websockets.connect(ws_url, additional_headers=headers) as ws:
                pinger = asyncio.create_task(self._ping(ws))
                try:
                    chosen = await http.put("/api/operators/me/state", json={"state": "active"})
                    chosen.raise_for_status()
                    self._me = str(chosen.json()["operator_id"])
                    self.ready.set()
                    async for frame in ws:
                        self._on_message(http, json.loads(frame))
                finally:
                    pinger.cancel()
                    for task in list(self._calls):
                        task.cancel()

    async def _ping(self, ws: websockets.ClientConnection) -> None:
        while True:
            await ws.send(json.dumps({"type": "ping"}))
            await asyncio.sleep(PING_EVERY_S)

    def _on_message(self, http: httpx.AsyncClient, message: dict[str, object]) -> None:
        event = message.get("event")
        if message.get("type") != "event" or not isinstance(event, dict):
            return
        data = event.get("data") or {}
        if data.get("operator_id") != self._me:
            return
        call_id = str(data.get("call_id"))
        if event.get("name") == "card_opened" and call_id not in self._popped:
            self._popped.add(call_id)
            task = asyncio.create_task(self._handle(http, call_id))
            self._calls.add(task)
            task.add_done_callback(self._calls.discard)
        elif event.get("name") == "operator_state_changed" and data.get("state") == "in_card":
            self._in_card.setdefault(call_id, asyncio.Event()).set()

    async def _handle(self, http: httpx.AsyncClient, call_id: str) -> None:
        try:
            await self._work(http, call_id)
        except Exception as exc:
            self.log.errors.append(f"call {call_id}: {exc!r}")

    async def _work(self, http: httpx.AsyncClient, call_id: str) -> None:
        """Talk, hang up (unless the call already ended), fill in the card, save it."""
        b = self.behaviour
        in_card = self._in_card.setdefault(call_id, asyncio.Event())
        talk = min(lognormal(self.rng, b.talk_mean_s, b.talk_cv), LONGEST_TALK * b.talk_mean_s) * b.scale
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(in_card.wait(), talk)
        if not in_card.is_set():
            endpoint = self.sim.phones.operator(self.extension)
            assert endpoint is not None
            await self.sim.phones.hangup(endpoint)
            self.log.hung_up += 1
            await asyncio.wait_for(in_card.wait(), 30)
        await asyncio.sleep(self.rng.expovariate(1.0 / b.wrap_mean_s) * b.scale)
        saved = await http.put(f"/api/cards/{call_id}", json={"result_status_id": str(b.result_status_id)})
        if saved.status_code == CARD_SAVED:
            self.log.cards_saved += 1
        else:
            self.log.errors.append(f"card {call_id}: {saved.status_code} {saved.text}")
        self._in_card.pop(call_id, None)
