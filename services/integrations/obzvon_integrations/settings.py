"""Settings of the integrations service (environment prefix OBZVON_INTEGRATIONS_)."""

from pydantic_settings import SettingsConfigDict

from obzvon_platform.serve import HttpSettings


class IntegrationsHttpSettings(HttpSettings):
    model_config = SettingsConfigDict(env_prefix="OBZVON_INTEGRATIONS_", env_file=".env", extra="ignore")

    port: int = 8004
