"""The one RBAC dependency: resolve the caller from an API token or the session cookie."""

import datetime as dt
from typing import Annotated

from fastapi import Depends, Request
from obzvon_db.models import User
from sqlalchemy.ext.asyncio import AsyncSession

from obzvon_gateway.auth.cookies import CSRF_HEADER, SESSION_COOKIE
from obzvon_gateway.auth.principal import Principal
from obzvon_gateway.auth.problems import forbidden, not_authenticated
from obzvon_gateway.context import GatewayContext
from obzvon_gateway.deps import Db, Gateway
from obzvon_gateway.security.csrf import SAFE_METHODS, csrf_token_problem
from obzvon_gateway.security.tokens import API_TOKEN_PREFIX, same_secret, sha256_hex
from obzvon_gateway.tokens import repository as token_repository
from obzvon_gateway.users import repository as user_repository

#: `last_used_at` of an API token is written at most this often.
TOKEN_TOUCH_INTERVAL = dt.timedelta(minutes=1)


def bearer_token(request: Request) -> str | None:
    scheme, _, value = request.headers.get("authorization", "").partition(" ")
    if scheme.lower() != "bearer":
        return None
    return value.strip() or None


def session_matches(user: User | None, session_version: int) -> bool:
    """The user may still use a session started at `session_version`."""
    return user is not None and user.is_active and user.session_version == session_version


async def principal_from_token(token: str, db: Db, gateway: Gateway) -> Principal:
    if not token.startswith(API_TOKEN_PREFIX):
        raise not_authenticated()
    now = dt.datetime.now(dt.UTC)
    found = await token_repository.find_active(db, sha256_hex(token), now)
    if found is None:
        raise not_authenticated()
    api_token, user = found
    if api_token.last_used_at is None or now - api_token.last_used_at > TOKEN_TOUCH_INTERVAL:
        async with gateway.resources.sessions() as bookkeeping:
            await token_repository.touch(bookkeeping, api_token.id, now)
            await bookkeeping.commit()
    return Principal(user=user, token_id=api_token.id)


async def resolve_session(cookie: str, db: AsyncSession, gateway: GatewayContext) -> Principal | None:
    """The principal of a live session cookie (also used by the WebSocket), or None."""
    session = await gateway.sessions.load(cookie)
    if session is None:
        return None
    user = await user_repository.get(db, session.user_id)
    if user is None or not session_matches(user, session.session_version):
        await gateway.sessions.revoke(session)
        return None
    return Principal(user=user, session=session)


async def principal_from_session(request: Request, cookie: str, db: Db, gateway: Gateway) -> Principal:
    principal = await resolve_session(cookie, db, gateway)
    if principal is None or principal.session is None:
        raise not_authenticated()
    if request.method not in SAFE_METHODS and not same_secret(
        request.headers.get(CSRF_HEADER), principal.session.csrf_token
    ):
        raise csrf_token_problem()
    return principal


async def get_principal(request: Request, db: Db, gateway: Gateway) -> Principal:
    """The caller: `Authorization: Bearer obz_…` first, else the `obzvon_session` cookie; 401 otherwise."""
    token = bearer_token(request)
    if token is not None:
        return await principal_from_token(token, db, gateway)
    cookie = request.cookies.get(SESSION_COOKIE)
    if cookie:
        return await principal_from_session(request, cookie, db, gateway)
    raise not_authenticated()


CurrentPrincipal = Annotated[Principal, Depends(get_principal)]


async def get_session_principal(principal: CurrentPrincipal) -> Principal:
    """The caller, signed in with a password (not an API token): for actions a token must not do."""
    if principal.session is None:
        raise forbidden("Действие доступно только после входа по паролю", "Sign in with a password for this")
    return principal


SessionPrincipal = Annotated[Principal, Depends(get_session_principal)]
