"""An HTTP client for the gateway app in-process, with a chosen client address and the CSRF header."""

import httpx
from fastapi import FastAPI

from tests.services.api_gateway.factories import PASSWORD

ORIGIN = "http://127.0.0.1:8000"


class ApiClient:
    def __init__(self, app: FastAPI, ip: str = "127.0.0.1") -> None:
        transport = httpx.ASGITransport(app=app, client=(ip, 40000))
        self.http = httpx.AsyncClient(transport=transport, base_url=ORIGIN)

    async def login(self, email: str, password: str = PASSWORD) -> httpx.Response:
        """Sign in; on success later unsafe requests carry the CSRF token like the SPA does."""
        response = await self.http.post("/api/auth/login", json={"email": email, "password": password})
        if response.status_code == 200:
            self.http.headers["X-CSRF-Token"] = response.cookies["obzvon_csrf"]
        return response

    @property
    def session_cookie(self) -> str:
        return self.http.cookies["obzvon_session"]

    async def close(self) -> None:
        await self.http.aclose()
