"""Gateway settings: the common `OBZVON_*` connections plus `OBZVON_GATEWAY_*` options of its own."""

from functools import lru_cache
from pathlib import Path
from typing import Any

from obzvon_platform.settings import CommonSettings
from pydantic import Field
from pydantic_settings import SettingsConfigDict

REPO_ROOT = Path(__file__).resolve().parents[3]
#: The gateway itself, plus the Vite dev server (5173) and preview (4173) that proxy to it, on loopback.
DEFAULT_ORIGINS = [
    f"http://{host}:{port}" for port in (8000, 5173, 4173) for host in ("127.0.0.1", "localhost")
]


def _env(name: str, default: Any = ..., **kwargs: Any) -> Any:
    """A field read from `OBZVON_GATEWAY_<NAME>` (and settable by its field name in code)."""
    return Field(default, validation_alias=f"OBZVON_GATEWAY_{name}", **kwargs)


class GatewaySettings(CommonSettings):
    """Where the gateway listens, which origins it trusts, and how sessions and logins are limited."""

    model_config = SettingsConfigDict(
        env_prefix="OBZVON_", env_file=".env", extra="ignore", populate_by_name=True
    )

    host: str = _env("HOST", "127.0.0.1")
    port: int = _env("PORT", 8000)
    #: Origins (scheme://host[:port]) allowed for state-changing requests and WebSockets.
    allowed_origins: list[str] = _env("ALLOWED_ORIGINS", DEFAULT_ORIGINS)
    #: Secure cookies and HSTS; turn on behind HTTPS.
    cookie_secure: bool = _env("COOKIE_SECURE", False)
    #: Proxy addresses whose `X-Forwarded-For` is trusted (empty: the socket's peer is the client).
    forwarded_allow_ips: str = _env("FORWARDED_ALLOW_IPS", "")
    session_idle_minutes: int = _env("SESSION_IDLE_MINUTES", 60, ge=1)
    session_absolute_hours: int = _env("SESSION_ABSOLUTE_HOURS", 12, ge=1)
    #: How often each open WebSocket re-checks its session; revocation reaches sockets within this bound.
    ws_session_check_seconds: float = _env("WS_SESSION_CHECK_SECONDS", 2.0, gt=0)
    #: How long an operator's WebSocket heartbeat stays valid in Redis.
    ws_heartbeat_ttl_seconds: int = _env("WS_HEARTBEAT_TTL_SECONDS", 30, ge=1)
    spa_dist: Path = _env("SPA_DIST", REPO_ROOT / "frontend" / "dist")
    login_window_seconds: int = _env("LOGIN_WINDOW_SECONDS", 900, ge=1)
    #: Failed logins allowed per account and client address within the window.
    login_max_failures_per_account: int = _env("LOGIN_MAX_FAILURES_PER_ACCOUNT", 5, ge=1)
    #: Failed logins allowed per client address (all accounts together) within the window.
    login_max_failures_per_ip: int = _env("LOGIN_MAX_FAILURES_PER_IP", 30, ge=1)
    #: How often the outbox relay looks for unpublished events when no commit wakes it.
    outbox_poll_seconds: float = _env("OUTBOX_POLL_SECONDS", 1.0, gt=0)
    #: Uploaded contact bases wait here under generated names until imported; the reporting service
    #: reads them at the same path (a shared volume when it runs on another host).
    uploads_dir: Path = _env("UPLOADS_DIR", REPO_ROOT / "var" / "uploads")
    #: Largest accepted upload, enforced while the request streams in (the import refuses > 50 MB).
    upload_max_bytes: int = _env("UPLOAD_MAX_BYTES", 50 * 1024 * 1024, ge=1)
    #: Uploads never imported are removed after this many hours.
    upload_ttl_hours: int = _env("UPLOAD_TTL_HOURS", 24, ge=1)


@lru_cache
def gateway_settings() -> GatewaySettings:
    return GatewaySettings()
