"""HTTP: sign in, sign out, who am I (F-01)."""

from fastapi import APIRouter, Request, Response, status

from obzvon_gateway.auth import service
from obzvon_gateway.auth.cookies import SESSION_COOKIE, clear_session_cookies, set_session_cookies
from obzvon_gateway.auth.dependencies import CurrentPrincipal
from obzvon_gateway.auth.problems import invalid_credentials
from obzvon_gateway.auth.schemas import LoginRequest, Me
from obzvon_gateway.deps import ClientIp, Db, Gateway, user_agent
from obzvon_gateway.openapi import problems

router = APIRouter(prefix="/api/auth", tags=["auth"])


@router.post("/login", response_model=Me, responses=problems(401, 403, 429))
async def login(
    body: LoginRequest, request: Request, response: Response, db: Db, gateway: Gateway, ip: ClientIp
) -> Me:
    """Sign in with e-mail and password; sets the session cookie and the CSRF cookie."""
    try:
        result = await service.login(
            db,
            gateway,
            body.email,
            body.password,
            ip=ip,
            user_agent=user_agent(request),
            previous_cookie=request.cookies.get(SESSION_COOKIE),
        )
    except service.LoginRefusedError:
        await db.commit()
        raise invalid_credentials() from None
    await db.commit()
    set_session_cookies(
        response,
        result.cookie,
        result.session.csrf_token,
        max_age=gateway.sessions.absolute_seconds,
        secure=gateway.settings.cookie_secure,
    )
    return Me.of(result.user)


@router.post("/logout", status_code=status.HTTP_204_NO_CONTENT, responses=problems(401, 403))
async def logout(principal: CurrentPrincipal, db: Db, gateway: Gateway, ip: ClientIp) -> Response:
    """End the current session (its WebSockets close too) and clear the cookies."""
    await service.logout(db, gateway, principal, ip=ip)
    await db.commit()
    response = Response(status_code=status.HTTP_204_NO_CONTENT)
    clear_session_cookies(response, secure=gateway.settings.cookie_secure)
    return response


@router.get("/me", response_model=Me, responses=problems(401))
async def get_me(principal: CurrentPrincipal) -> Me:
    """The signed-in user (also answers whether the session is still alive)."""
    return Me.of(principal.user)
