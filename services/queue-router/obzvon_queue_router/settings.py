"""Settings of the queue-router service (environment prefix OBZVON_QUEUE_ROUTER_)."""

from obzvon_platform.serve import HttpSettings
from pydantic_settings import SettingsConfigDict


class QueueRouterHttpSettings(HttpSettings):
    model_config = SettingsConfigDict(env_prefix="OBZVON_QUEUE_ROUTER_", env_file=".env", extra="ignore")

    port: int = 8002
