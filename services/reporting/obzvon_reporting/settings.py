"""Settings of the reporting service (environment prefix OBZVON_REPORTING_)."""

from obzvon_platform.serve import HttpSettings
from pydantic_settings import SettingsConfigDict


class ReportingHttpSettings(HttpSettings):
    model_config = SettingsConfigDict(env_prefix="OBZVON_REPORTING_", env_file=".env", extra="ignore")

    port: int = 8003
