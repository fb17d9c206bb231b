"""Settings of the dialer service (environment prefix OBZVON_DIALER_)."""

import socket

from obzvon_platform.serve import HttpSettings
from pydantic import Field
from pydantic_settings import SettingsConfigDict


class DialerHttpSettings(HttpSettings):
    model_config = SettingsConfigDict(env_prefix="OBZVON_DIALER_", env_file=".env", extra="ignore")

    port: int = 8001


class AmiSettings(HttpSettings):
    """Where the dialer finds Asterisk's manager interface (or pbx-sim in development), and the timers
    of the connection watchdog, the reconciler and the attempt leases.

    The AMI adapter starts only when ``secret`` is set.
    """

    model_config = SettingsConfigDict(env_prefix="OBZVON_DIALER_AMI_", env_file=".env", extra="ignore")

    host: str = "127.0.0.1"
    port: int = 5038
    user: str = "obzvon"
    secret: str = ""
    #: This dialer's name on the attempts it owns (``attempts.dialer_instance``).
    instance_id: str = Field(default_factory=socket.gethostname)
    #: A Ping is sent this often; a Ping not answered within ``ping_timeout`` drops the connection.
    ping_interval: float = Field(default=3.0, gt=0)
    ping_timeout: float = Field(default=3.0, gt=0)
    login_timeout: float = Field(default=5.0, gt=0)
    action_timeout: float = Field(default=10.0, gt=0)
    reconnect_min: float = Field(default=0.5, gt=0)
    reconnect_max: float = Field(default=10.0, gt=0)
    #: How long an attempt stays ours without news from Asterisk, beyond its dial timeout.
    lease_seconds: float = Field(default=30.0, gt=0)
    #: How often live attempts are compared with the PBX's channels besides every (re)connect.
    reconcile_interval: float = Field(default=15.0, gt=0)
    #: When a contact whose attempt was lost (failed_unknown) becomes due again.
    unknown_retry_seconds: float = Field(default=300.0, ge=0)
    #: connect_call and hangup_call commands older than this are refused as stale.
    command_max_age: float = Field(default=60.0, gt=0)
    #: AMI events waiting to be written to Postgres (while it is down) at most; older ones are dropped.
    event_buffer: int = Field(default=20_000, gt=0)

    @property
    def enabled(self) -> bool:
        return bool(self.secret)
