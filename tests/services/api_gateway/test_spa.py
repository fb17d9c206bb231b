"""The built SPA is served with history fallback; index.html is never cached (F-03)."""

from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from asgi_lifespan import LifespanManager
from obzvon_gateway.main import create_app
from obzvon_gateway.settings import GatewaySettings

from tests.services.api_gateway.client import ApiClient
from tests.services.api_gateway.factories import FAST_HASHER


@pytest.fixture
async def spa_client(gateway_settings: GatewaySettings, tmp_path: Path) -> AsyncIterator[ApiClient]:
    dist = tmp_path / "dist"
    (dist / "assets").mkdir(parents=True)
    (dist / "index.html").write_text("<!doctype html><title>Обзвон</title>", encoding="utf-8")
    (dist / "assets" / "app-1234.js").write_text("console.log('ok')", encoding="utf-8")
    (tmp_path / "secret.txt").write_text("outside", encoding="utf-8")
    app = create_app(gateway_settings.model_copy(update={"spa_dist": dist}), hasher=FAST_HASHER)
    async with LifespanManager(app):
        client = ApiClient(app)
        yield client
        await client.close()


async def test_client_side_routes_get_index_without_caching(spa_client: ApiClient) -> None:
    for path in ("/", "/projects/42/settings", "/login"):
        response = await spa_client.http.get(path)
        assert response.status_code == 200, path
        assert "Обзвон" in response.text
        assert response.headers["cache-control"] == "no-store"


async def test_assets_are_served_and_cached_and_nothing_leaks(spa_client: ApiClient) -> None:
    asset = await spa_client.http.get("/assets/app-1234.js")
    assert asset.status_code == 200
    assert "immutable" in asset.headers["cache-control"]
    assert (await spa_client.http.get("/assets/missing.js")).status_code == 404
    escaped = await spa_client.http.get("/..%2Fsecret.txt")
    assert "outside" not in escaped.text
    api = await spa_client.http.get("/api/unknown")
    assert api.status_code == 404
    assert api.headers["content-type"] == "application/problem+json"
