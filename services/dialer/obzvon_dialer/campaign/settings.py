"""Settings of the campaign loop (environment prefix OBZVON_DIALER_CAMPAIGN_)."""

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict


class CampaignSettings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="OBZVON_DIALER_CAMPAIGN_", env_file=".env", extra="ignore")

    enabled: bool = True
    #: One pass over the owned projects this often.
    tick_seconds: float = Field(default=1.0, gt=0)
    #: A project stays this dialer's while the lease runs; it is renewed every tick.
    project_lease_seconds: float = Field(default=10.0, gt=0)
    #: Projects newly taken per tick, so that several dialers share the running projects.
    acquire_per_tick: int = Field(default=1, ge=1)
    #: Most calls originated for one project in one tick.
    max_dials_per_tick: int = Field(default=50, ge=1)
    #: Multiplies retry delays and the global call timeout, and divides the durations the pacer
    #: measures (below 1 only in tests and demos, matching a sped-up pbx-sim).
    time_scale: float = Field(default=1.0, gt=0)
    #: When a contact whose call failed for a technical reason is due again.
    error_retry_seconds: float = Field(default=300.0, ge=0)
