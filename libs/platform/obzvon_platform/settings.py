"""Settings shared by every service: where Postgres, RabbitMQ and Redis are, and how to log."""

from functools import lru_cache

from pydantic_settings import BaseSettings, SettingsConfigDict


class CommonSettings(BaseSettings):
    """Connection settings read from `OBZVON_*` environment variables (or `.env`)."""

    model_config = SettingsConfigDict(env_prefix="OBZVON_", env_file=".env", extra="ignore")

    database_url: str = "postgresql+asyncpg://postgres@127.0.0.1:5432/obzvon"
    amqp_url: str = "amqp://guest:guest@127.0.0.1:5672/"
    redis_url: str = "redis://127.0.0.1:6379/0"
    redis_prefix: str = "obzvon"
    exchange: str = "obzvon.events"
    log_level: str = "INFO"
    log_json: bool = True


@lru_cache
def common_settings() -> CommonSettings:
    return CommonSettings()
