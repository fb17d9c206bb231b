"""Where pbx-sim's control API is (``OBZVON_PBX_CONTROL_URL``); unset means no demo phone."""

from functools import lru_cache

from pydantic_settings import BaseSettings, SettingsConfigDict


class DemoPhoneSettings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="OBZVON_", env_file=".env", extra="ignore")

    pbx_control_url: str | None = None


@lru_cache
def demo_phone_settings() -> DemoPhoneSettings:
    return DemoPhoneSettings()


def pbx_control_url() -> str | None:
    """Dependency: the control API's base URL, or None (tests override it)."""
    url = demo_phone_settings().pbx_control_url
    return url.rstrip("/") if url else None
