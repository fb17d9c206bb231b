"""HTTP calls to pbx-sim's control API (loopback)."""

from typing import Any

import httpx
from obzvon_platform.problem import Problem

TIMEOUT = httpx.Timeout(5.0)


def unreachable() -> Problem:
    return Problem(502, "pbx_unreachable", "Демо-телефон недоступен", "The demo phone is unreachable")


async def get_endpoints(base_url: str) -> list[dict[str, Any]]:
    try:
        async with httpx.AsyncClient(timeout=TIMEOUT) as client:
            response = await client.get(f"{base_url}/endpoints")
    except httpx.HTTPError as error:
        raise unreachable() from error
    if response.status_code != 200:
        raise unreachable()
    data: list[dict[str, Any]] = response.json()
    return data


async def post_action(base_url: str, extension: str, action: str) -> tuple[int, dict[str, Any]]:
    """(status, body) of ``POST /endpoints/{extension}/{action}``."""
    try:
        async with httpx.AsyncClient(timeout=TIMEOUT) as client:
            response = await client.post(f"{base_url}/endpoints/{extension}/{action}")
    except httpx.HTTPError as error:
        raise unreachable() from error
    body = response.json() if response.headers.get("content-type", "").startswith("application/json") else {}
    return response.status_code, body if isinstance(body, dict) else {}
