"""Operators as the system sees them: a browser tab on the gateway (REST with the session cookie, and
the /ws socket whose pings are the heartbeat) and a desk phone in pbx-sim."""

import asyncio
import contextlib
import json
import uuid
from dataclasses import dataclass
from typing import Any

import httpx
from obzvon_db.models import User
from obzvon_pbx_sim import PbxSim
from obzvon_pbx_sim.telephony.endpoints import Endpoint
from obzvon_pbx_sim.telephony.phones import PhoneAction
from websockets.asyncio.client import ClientConnection, connect

from tests.services.api_gateway.client import ORIGIN, ApiClient
from tests.telephony.stack import eventually

#: The SPA pings every 10 s against a 30 s heartbeat timeout; the stack runs both 20 times faster.
PING_SECONDS = 0.5


class Browser:
    """One open SPA tab: the /ws socket, a ping every ``PING_SECONDS``, and the events pushed to it."""

    def __init__(self, socket: ClientConnection) -> None:
        self.socket = socket
        self.events: list[dict[str, Any]] = []
        self._tasks = [asyncio.create_task(self._read()), asyncio.create_task(self._ping())]

    @classmethod
    async def open(cls, ws_url: str, cookie: str) -> "Browser":
        socket = await connect(
            f"{ws_url}/ws",
            additional_headers={"Cookie": f"obzvon_session={cookie}"},
            origin=ORIGIN,  # type: ignore[arg-type]
        )
        return cls(socket)

    async def _read(self) -> None:
        async for raw in self.socket:
            message = json.loads(raw)
            if message.get("type") == "event":
                self.events.append(message["event"])

    async def _ping(self) -> None:
        while True:
            await self.socket.send(json.dumps({"type": "ping"}))
            await asyncio.sleep(PING_SECONDS)

    def received(self, name: str, **fields: str) -> list[dict[str, Any]]:
        return [
            e["data"]
            for e in self.events
            if e["name"] == name and all(e["data"].get(k) == v for k, v in fields.items())
        ]

    async def receives(self, name: str, within: float = 10.0, **fields: str) -> dict[str, Any]:
        """The first ``name`` event pushed to this tab with these fields, once it is there."""

        async def pushed() -> dict[str, Any] | None:
            found = self.received(name, **fields)
            return found[0] if found else None

        return await eventually(pushed, within)

    async def close(self) -> None:
        for task in self._tasks:
            task.cancel()
        for task in self._tasks:
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await task
        with contextlib.suppress(Exception):
            await self.socket.close()


@dataclass
class Agent:
    """An operator at their desk."""

    user: User
    api: ApiClient
    sim: PbxSim
    ws_url: str
    browser: Browser | None = None

    @property
    def id(self) -> uuid.UUID:
        return self.user.id

    @property
    def extension(self) -> str:
        assert self.user.extension is not None
        return self.user.extension

    @property
    def phone(self) -> Endpoint:
        return self.sim.endpoints.add_operator(self.extension)

    # -- the browser ------------------------------------------------------------------------------
    async def open_app(self) -> None:
        self.browser = await Browser.open(self.ws_url, self.api.session_cookie)

    async def close_app(self) -> None:
        browser, self.browser = self.browser, None
        if browser is not None:
            await browser.close()

    async def choose(self, state: str) -> httpx.Response:
        """Pick a state in the SPA (F-50): active, pause, dnd or inactive."""
        response = await self.api.http.put("/api/operators/me/state", json={"state": state})
        assert response.status_code == 200, response.text
        return response

    async def save_card(self, call_id: uuid.UUID, status_id: uuid.UUID | None, **body: Any) -> httpx.Response:
        payload = {"result_status_id": str(status_id) if status_id else None, **body}
        return await self.api.http.put(f"/api/cards/{call_id}", json=payload)

    async def call(self, contact_id: uuid.UUID) -> uuid.UUID:
        """F-45: "call" on the card."""
        response = await self.api.http.post("/api/cards/call", json={"contact_id": str(contact_id)})
        assert response.status_code == 202, response.text
        return uuid.UUID(response.json()["call_id"])

    # -- the phone ---------------------------------------------------------------------------------
    def ringing(self) -> bool:
        return bool(self.phone.ringing)

    async def rings(self, within: float = 10.0, *, not_as: str | None = None) -> str:
        """The name of the phone's ringing channel, once it rings (a channel other than ``not_as``)."""

        async def ringing_now() -> str | None:
            names = [channel.name for channel in self.phone.ringing if channel.name != not_as]
            return names[0] if names else None

        return await eventually(ringing_now, within)

    async def picks_up(self, within: float = 10.0, *, not_as: str | None = None) -> None:
        await self.rings(within, not_as=not_as)
        assert self.sim.phones.answer(self.phone) is PhoneAction.ANSWERED

    async def declines(self, within: float = 10.0, *, not_as: str | None = None) -> None:
        """Hangs up the ringing phone (486 Busy Here, as desk phones send)."""
        await self.rings(within, not_as=not_as)
        assert await self.sim.phones.hangup(self.phone) is PhoneAction.DECLINED

    async def hangs_up(self) -> None:
        assert await self.sim.phones.hangup(self.phone) is PhoneAction.HUNG_UP
