"""Where the recordings are: Asterisk's monitor directory (``OBZVON_RECORDINGS_DIR``), shared with
the PBX host or synchronised from it."""

from functools import lru_cache
from pathlib import Path

from pydantic_settings import BaseSettings, SettingsConfigDict


class RecordingsSettings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="OBZVON_", env_file=".env", extra="ignore")

    recordings_dir: Path = Path("/var/spool/asterisk/monitor")


@lru_cache
def recordings_settings() -> RecordingsSettings:
    return RecordingsSettings()


def recordings_dir() -> Path:
    """Dependency: the recordings directory (tests override it)."""
    return recordings_settings().recordings_dir
