"""Start and stop what the gateway runs beside HTTP: the outbox relay, live delivery from the bus and
the session revocation listener."""

import asyncio
import uuid

from fastapi import FastAPI
from obzvon_platform.resources import Resources
from obzvon_platform.tasks import cancel_and_wait

from obzvon_gateway.auth import scope_repository
from obzvon_gateway.cards.live import LiveCards
from obzvon_gateway.context import GatewayContext
from obzvon_gateway.security.passwords import PasswordHasher
from obzvon_gateway.settings import GatewaySettings
from obzvon_gateway.ws.delivery import LiveDelivery
from obzvon_gateway.ws.revocation_listener import run_revocation_listener

LISTENER_READY_TIMEOUT = 5.0


class GatewayRuntime:
    def __init__(self, settings: GatewaySettings, hasher: PasswordHasher) -> None:
        self.settings = settings
        self.hasher = hasher
        self._listener: asyncio.Task[None] | None = None
        self._delivery: LiveDelivery | None = None

    async def start(self, app: FastAPI, resources: Resources) -> None:
        gateway = GatewayContext.build(self.settings, resources, self.hasher)
        app.state.gateway = gateway
        await gateway.bus.connect()
        gateway.relay.start()

        async def supervisors_of(operator_id: uuid.UUID) -> frozenset[uuid.UUID]:
            async with resources.sessions() as db:
                return await scope_repository.supervisor_ids_of_operator(db, operator_id)

        async def supervisors_of_project(project_id: uuid.UUID) -> frozenset[uuid.UUID]:
            async with resources.sessions() as db:
                return await scope_repository.supervisor_ids_of_project(db, project_id)

        self._delivery = LiveDelivery(
            gateway.bus, gateway.hub, supervisors_of, supervisors_of_project, LiveCards(resources.sessions)
        )
        await self._delivery.start()
        subscribed = asyncio.Event()
        self._listener = asyncio.create_task(
            run_revocation_listener(resources.redis, resources.keys, gateway.hub, subscribed),
            name="session-revocation-listener",
        )
        await asyncio.wait_for(subscribed.wait(), LISTENER_READY_TIMEOUT)

    async def stop(self, app: FastAPI, resources: Resources) -> None:
        gateway: GatewayContext | None = getattr(app.state, "gateway", None)
        await cancel_and_wait(self._listener)
        if gateway is None:
            return
        gateway.hub.close_all()
        if self._delivery is not None:
            await self._delivery.stop()
        await gateway.relay.close()
        await gateway.bus.close()
