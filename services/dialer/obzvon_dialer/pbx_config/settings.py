"""Where the dialer writes the generated Asterisk files (environment prefix OBZVON_DIALER_PBX_)."""

from pathlib import Path

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict


class PbxConfigSettings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="OBZVON_DIALER_PBX_", env_file=".env", extra="ignore")

    #: ``OBZVON_DIALER_PBX_CONFIG_DIR``: the directory ``pjsip.conf`` includes the generated files from.
    config_dir: Path = Path("/etc/asterisk/obzvon")
    #: The group the files are given when the dialer runs as root.
    file_group: str = "asterisk"
    #: How long one reload Command may take.
    reload_timeout: float = Field(default=10.0, gt=0)
