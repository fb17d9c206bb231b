"""Events about the Asterisk configuration the product generates (F-10, F-13)."""

from typing import Literal
from uuid import UUID

from pydantic import Field

from obzvon_events.base import Event


class PbxConfigChanged(Event):
    """Sent by the gateway after a trunk was created, changed or removed, or a user's extension changed,
    and the change is committed.

    The dialer regenerates the PJSIP include files from the database and asks Asterisk to reload
    res_pjsip. The event carries no secrets: the files are always rendered from the whole database.
    """

    name = "pbx_config_changed"
    version = 1
    routing_key = "pbx.config.changed"
    produced_by = "api-gateway"

    reason: Literal["trunk", "operator"] = Field(description="What changed: a trunk or an extension.")
    object_id: UUID | None = Field(default=None, description="The trunk or user that changed.")
