"""What the gateway holds for its lifetime besides the shared connections (kept on `app.state.gateway`)."""

from dataclasses import dataclass

from obzvon_platform.bus import Bus, OutboxRelay
from obzvon_platform.resources import Resources

from obzvon_gateway.auth.sessions import SessionStore
from obzvon_gateway.security.passwords import PasswordHasher
from obzvon_gateway.security.rate_limit import LoginRateLimiter
from obzvon_gateway.settings import GatewaySettings
from obzvon_gateway.ws.hub import Hub


@dataclass
class GatewayContext:
    settings: GatewaySettings
    resources: Resources
    sessions: SessionStore
    limiter: LoginRateLimiter
    hasher: PasswordHasher
    hub: Hub
    bus: Bus
    relay: OutboxRelay

    @classmethod
    def build(
        cls, settings: GatewaySettings, resources: Resources, hasher: PasswordHasher
    ) -> "GatewayContext":
        bus = Bus(settings.amqp_url, exchange=settings.exchange, connection_name="api-gateway")
        return cls(
            settings=settings,
            resources=resources,
            sessions=SessionStore(
                resources.redis,
                resources.keys,
                idle_seconds=settings.session_idle_minutes * 60,
                absolute_seconds=settings.session_absolute_hours * 3600,
            ),
            limiter=LoginRateLimiter(
                resources.redis,
                resources.keys,
                window_seconds=settings.login_window_seconds,
                max_per_account=settings.login_max_failures_per_account,
                max_per_ip=settings.login_max_failures_per_ip,
            ),
            hasher=hasher,
            hub=Hub(),
            bus=bus,
            relay=OutboxRelay(resources.sessions, bus, poll_interval=settings.outbox_poll_seconds),
        )
