"""What the dialer runs beside HTTP: the AMI connection and its event pump, the reconciler, the
``dialer.commands`` consumer, the campaign loop, the generated PJSIP files and the outbox relay.
Started from the app's lifespan when the AMI secret is set; the AMI state is part of ``/readyz``."""

import contextlib
from collections.abc import Awaitable, Callable

import structlog
from fastapi import FastAPI
from obzvon_platform.bus import Bus, Consumer, OutboxRelay
from obzvon_platform.resources import Resources

from obzvon_dialer.ami.connection import AmiConnection
from obzvon_dialer.calls.pump import EventPump
from obzvon_dialer.calls.service import CallService
from obzvon_dialer.calls.tracker import CallTracker
from obzvon_dialer.campaign.finish import ContactScheduler
from obzvon_dialer.campaign.loop import CampaignLoop
from obzvon_dialer.campaign.settings import CampaignSettings
from obzvon_dialer.campaign.stats import CampaignStats
from obzvon_dialer.campaign.timeouts import GlobalTimeouts
from obzvon_dialer.commands.consumers import DialerCommands
from obzvon_dialer.commands.control import CallControl
from obzvon_dialer.inbound.registry import InboundRegistry
from obzvon_dialer.inbound.service import InboundService
from obzvon_dialer.originate.service import Originator
from obzvon_dialer.pbx_config.settings import PbxConfigSettings
from obzvon_dialer.pbx_config.sync import PbxConfigSync
from obzvon_dialer.reconcile.reconciler import Reconciler
from obzvon_dialer.settings import AmiSettings

log = structlog.get_logger(__name__)


class Telephony:
    """The dialer's telephony adapter, assembled over one service's resources."""

    def __init__(
        self, settings: AmiSettings, resources: Resources, campaign: CampaignSettings | None = None
    ) -> None:
        self.settings = settings
        self.campaign_settings = campaign or CampaignSettings()
        self.resources = resources
        common = resources.settings
        self.bus = Bus(common.amqp_url, exchange=common.exchange, connection_name="dialer")
        self.relay = OutboxRelay(resources.sessions, self.bus)
        self.tracker = CallTracker()
        self.calls = CallService(resources.sessions, self.tracker, lease_seconds=settings.lease_seconds)
        self.inbound = InboundRegistry()
        inbound = InboundService(resources.sessions, self.inbound, self.tracker, self.calls.on_events)
        self.calls.delegate = (inbound.handles, inbound.apply)
        self.pump = EventPump(self.calls, capacity=settings.event_buffer)
        self.connection = AmiConnection(settings, self.pump.push, self._after_connect)
        self.reconciler = Reconciler(
            settings, resources.sessions, self.connection, self.pump, self.calls, self.tracker
        )
        self.originator = Originator(settings, self.connection, self.calls)
        self.control = CallControl(self.connection, self.tracker, self.inbound)
        self.calls.on_events += [lambda _call, _events: self.relay.wake(), self.control.after_events]
        self.commands = DialerCommands(
            resources.sessions, self.originator, self.control, max_age_seconds=settings.command_max_age
        )
        self.stats = CampaignStats(self.campaign_settings.time_scale)
        self.timeouts = GlobalTimeouts(self.control.hang_up)
        self.calls.on_events += [self.stats.observe, self.timeouts.observe]
        self.calls.on_finished = ContactScheduler(
            self.campaign_settings, settings.unknown_retry_seconds
        ).call_finished
        self.campaign = CampaignLoop(
            self.campaign_settings,
            settings.instance_id,
            resources.sessions,
            self.connection,
            self.originator,
            self.timeouts,
            self.stats,
        )
        self.pbx_config = PbxConfigSync(
            PbxConfigSettings(), resources.sessions, self.connection, instance_id=settings.instance_id
        )
        self._consumer: Consumer | None = None

    async def _after_connect(self) -> None:
        await self.reconciler.after_connect()

    async def start(self) -> None:
        await self.bus.connect()
        self.relay.start()
        self.pump.start()
        self.connection.start()
        await self.pbx_config.start(self.bus)
        self.reconciler.start()
        self._consumer = self.commands.consumer(self.bus)
        await self._consumer.start()
        if self.campaign_settings.enabled:
            self.campaign.start()
        log.info("telephony.started", ami=f"{self.settings.host}:{self.settings.port}")

    async def stop(self) -> None:
        await self.campaign.stop()
        if self._consumer is not None:
            with contextlib.suppress(Exception):
                await self._consumer.stop()
        await self.reconciler.stop()
        await self.pbx_config.stop()
        await self.connection.stop()
        with contextlib.suppress(Exception):
            await self.pump.drain_for(5.0)
        await self.pump.stop()
        await self.relay.close()
        await self.bus.close()

    async def checks(self) -> dict[str, str]:
        return {
            "ami": "ok" if self.connection.connected else "error: disconnected",
            "bus": "ok" if self.bus.is_connected else "error: disconnected",
        }


def lifespan_hooks(
    settings: AmiSettings, campaign: CampaignSettings | None = None
) -> tuple[Callable[[FastAPI, Resources], Awaitable[None]], Callable[[FastAPI, Resources], Awaitable[None]]]:
    """``on_startup`` / ``on_shutdown`` for ``create_service_app``."""

    async def on_startup(app: FastAPI, resources: Resources) -> None:
        if not settings.enabled:
            log.warning("telephony.disabled", reason="OBZVON_DIALER_AMI_SECRET is not set")
            return
        telephony = Telephony(settings, resources, campaign)
        app.state.telephony = telephony
        await telephony.start()
        # The AMI link and the dialer's bus are part of being ready.
        resources.extra_checks.append(telephony.checks)

    async def on_shutdown(app: FastAPI, resources: Resources) -> None:
        telephony: Telephony | None = getattr(app.state, "telephony", None)
        if telephony is not None:
            await telephony.stop()

    return on_startup, on_shutdown
