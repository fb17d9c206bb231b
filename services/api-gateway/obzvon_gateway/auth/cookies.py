"""The session and CSRF cookies (ASVS 3.3): HttpOnly session, JS-readable CSRF token, SameSite=Lax."""

from starlette.responses import Response

SESSION_COOKIE = "obzvon_session"
CSRF_COOKIE = "obzvon_csrf"
CSRF_HEADER = "x-csrf-token"


def set_session_cookies(response: Response, token: str, csrf: str, *, max_age: int, secure: bool) -> None:
    response.set_cookie(
        SESSION_COOKIE, token, max_age=max_age, path="/", secure=secure, httponly=True, samesite="lax"
    )
    response.set_cookie(
        CSRF_COOKIE, csrf, max_age=max_age, path="/", secure=secure, httponly=False, samesite="lax"
    )


def clear_session_cookies(response: Response, *, secure: bool) -> None:
    response.delete_cookie(SESSION_COOKIE, path="/", secure=secure, httponly=True, samesite="lax")
    response.delete_cookie(CSRF_COOKIE, path="/", secure=secure, httponly=False, samesite="lax")
