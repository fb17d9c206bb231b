"""The dialer service's ASGI app."""

from fastapi import FastAPI
from obzvon_platform.app import create_service_app
from obzvon_platform.settings import CommonSettings, common_settings

from obzvon_dialer.campaign.settings import CampaignSettings
from obzvon_dialer.runtime import lifespan_hooks
from obzvon_dialer.settings import AmiSettings


def create_app(
    settings: CommonSettings | None = None,
    ami: AmiSettings | None = None,
    campaign: CampaignSettings | None = None,
) -> FastAPI:
    on_startup, on_shutdown = lifespan_hooks(ami or AmiSettings(), campaign)
    return create_service_app(
        "dialer", settings or common_settings(), on_startup=on_startup, on_shutdown=on_shutdown
    )
