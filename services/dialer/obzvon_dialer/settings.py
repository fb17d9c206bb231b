"""Settings of the dialer service (environment prefix OBZVON_DIALER_)."""

from obzvon_platform.serve import HttpSettings
from pydantic_settings import SettingsConfigDict


class DialerHttpSettings(HttpSettings):
    model_config = SettingsConfigDict(env_prefix="OBZVON_DIALER_", env_file=".env", extra="ignore")

    port: int = 8001


class AmiSettings(HttpSettings):
    """Where the dialer finds Asterisk's manager interface (or pbx-sim in development)."""

    model_config = SettingsConfigDict(env_prefix="OBZVON_DIALER_AMI_", env_file=".env", extra="ignore")

    host: str = "127.0.0.1"
    port: int = 5038
    user: str = "obzvon"
    secret: str = ""
