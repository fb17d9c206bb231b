"""Settings of the integrations service (environment prefix OBZVON_INTEGRATIONS_)."""

from obzvon_platform.serve import HttpSettings
from pydantic_settings import SettingsConfigDict


class IntegrationsHttpSettings(HttpSettings):
    model_config = SettingsConfigDict(env_prefix="OBZVON_INTEGRATIONS_", env_file=".env", extra="ignore")

    port: int = 8004
