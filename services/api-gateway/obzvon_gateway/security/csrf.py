"""CSRF defence for cookie-authenticated requests (ASVS 3.5): a strict Origin/Referer allowlist on every
state-changing method, and a double-submit token (header `X-CSRF-Token` equal to the `obzvon_csrf`
cookie). The session dependency also compares the header with the token kept in the session itself.
Requests carrying an API token (`Authorization: Bearer`) are exempt: browsers never add it on their own."""

from collections.abc import Iterable
from urllib.parse import urlsplit

from obzvon_platform.problem import Problem, problem_response
from starlette.requests import Request
from starlette.types import ASGIApp, Receive, Scope, Send

from obzvon_gateway.auth.cookies import CSRF_COOKIE, CSRF_HEADER, SESSION_COOKIE
from obzvon_gateway.security.tokens import same_secret

SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS", "TRACE"})
#: Logging in needs no token (there is no session yet); the Origin check still applies.
TOKEN_EXEMPT_PATHS = frozenset({"/api/auth/login"})


def origin_of(url: str) -> str | None:
    parts = urlsplit(url)
    if not parts.scheme or not parts.netloc:
        return None
    return f"{parts.scheme}://{parts.netloc}".lower()


def origin_allowed(origin: str | None, allowed_origins: Iterable[str]) -> bool:
    """True when `origin` (an Origin header value) is one of the allowed origins."""
    if origin is None:
        return False
    wanted = origin.rstrip("/").lower()
    return any(wanted == allowed.rstrip("/").lower() for allowed in allowed_origins)


def foreign_origin_problem() -> Problem:
    return Problem(
        403,
        "csrf_origin",
        "Запрос с чужого сайта отклонён",
        "Cross-site request refused (origin not allowed)",
    )


def csrf_token_problem() -> Problem:
    return Problem(403, "csrf_token", "Не передан или неверен CSRF-токен", "Missing or invalid CSRF token")


class CsrfMiddleware:
    def __init__(self, app: ASGIApp, *, allowed_origins: list[str]) -> None:
        self.app = app
        self.allowed_origins = list(allowed_origins)

    def refusal(self, request: Request) -> Problem | None:
        if request.method in SAFE_METHODS:
            return None
        if request.headers.get("authorization", "").lower().startswith("bearer "):
            return None
        origin = request.headers.get("origin")
        referer = request.headers.get("referer")
        if origin is not None:
            if not origin_allowed(origin, self.allowed_origins):
                return foreign_origin_problem()
        elif referer is not None and not origin_allowed(origin_of(referer), self.allowed_origins):
            return foreign_origin_problem()
        if SESSION_COOKIE in request.cookies and request.url.path not in TOKEN_EXEMPT_PATHS:
            header = request.headers.get(CSRF_HEADER)
            if not same_secret(header, request.cookies.get(CSRF_COOKIE)):
                return csrf_token_problem()
        return None

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http":
            request = Request(scope)
            problem = self.refusal(request)
            if problem is not None:
                await problem_response(request, problem)(scope, receive, send)
                return
        await self.app(scope, receive, send)
