"""The reporting service's ASGI app."""

from fastapi import FastAPI
from obzvon_platform.app import create_service_app
from obzvon_platform.settings import CommonSettings, common_settings


def create_app(settings: CommonSettings | None = None) -> FastAPI:
    return create_service_app("reporting", settings or common_settings())
