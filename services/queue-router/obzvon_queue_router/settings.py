"""Settings of the queue-router service (environment prefix OBZVON_QUEUE_ROUTER_)."""

from obzvon_platform.serve import HttpSettings
from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict


class QueueRouterHttpSettings(HttpSettings):
    model_config = SettingsConfigDict(env_prefix="OBZVON_QUEUE_ROUTER_", env_file=".env", extra="ignore")

    port: int = 8002


class RouterSettings(BaseSettings):
    """Timers of the queue-router. Project timeouts (queue, operator) come from each project's settings;
    ``timeout_scale`` multiplies them where the router counts them itself (1.0 in production; in tests
    the time scale of the simulated PBX, which gets the project's own seconds)."""

    model_config = SettingsConfigDict(env_prefix="OBZVON_QUEUE_ROUTER_", env_file=".env", extra="ignore")

    #: An operator whose WebSocket heartbeat is older than this goes offline (I4).
    heartbeat_timeout: float = Field(default=30.0, gt=0)
    #: How often heartbeats are checked.
    heartbeat_check_interval: float = Field(default=2.0, gt=0)
    #: Multiplies each project's queue and operator timeouts.
    timeout_scale: float = Field(default=1.0, gt=0)
    #: After every operator of a pass was rung without an answer, wait this long before the next pass
    #: (app_queue ``retry``).
    retry_seconds: float = Field(default=5.0, ge=0)
    #: Grace beyond the operator timeout for the dialer's answer before the offer counts as missed.
    offer_grace_seconds: float = Field(default=2.0, ge=0)
    #: How often operators held in a call are compared with the calls that still exist (I4).
    reconcile_interval: float = Field(default=15.0, gt=0)
    #: How often due tasks are looked for (F-46, F-54).
    task_poll_interval: float = Field(default=5.0, gt=0)
    #: How often the outbox is polled when no commit wakes the relay.
    outbox_poll_interval: float = Field(default=1.0, gt=0)
    #: The durable queue of events this service consumes (one per deployment, shared by its instances).
    events_queue: str = "queue-router.events"
    #: Run the router (consumers and timers) inside the app; off for an HTTP-only instance.
    enabled: bool = True
