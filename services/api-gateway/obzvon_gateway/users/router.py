"""HTTP: users in the caller's scope (F-02, F-10)."""

import uuid

from fastapi import APIRouter

from obzvon_gateway.auth.dependencies import CurrentPrincipal
from obzvon_gateway.auth.service import end_all_sessions
from obzvon_gateway.deps import ClientIp, Db, Gateway
from obzvon_gateway.openapi import problems
from obzvon_gateway.users import service, sip_password
from obzvon_gateway.users.schemas import SipPasswordOut, UserOut, UserUpdate

router = APIRouter(prefix="/api/users", tags=["users"])


@router.get("", response_model=list[UserOut], responses=problems(401))
async def list_users(principal: CurrentPrincipal, db: Db) -> list[UserOut]:
    """Users the caller may see: everyone for an admin, own operators for a supervisor, oneself otherwise."""
    return [UserOut.of(user) for user in await service.list_users(db, principal)]


@router.get("/{user_id}", response_model=UserOut, responses=problems(401, 404))
async def get_user(user_id: uuid.UUID, principal: CurrentPrincipal, db: Db) -> UserOut:
    return UserOut.of(await service.get_user(db, principal, user_id))


@router.patch("/{user_id}", response_model=UserOut, responses=problems(401, 403, 404))
async def update_user(
    user_id: uuid.UUID, body: UserUpdate, principal: CurrentPrincipal, db: Db, gateway: Gateway, ip: ClientIp
) -> UserOut:
    """Change name, activity or role. Disabling a user or changing the role ends their sessions at once."""
    result = await service.update_user(db, principal, user_id, body, ip=ip)
    await db.commit()
    if result.sessions_revoked:
        await end_all_sessions(gateway, user_id)
    return UserOut.of(result.user)


@router.post(
    "/{user_id}/sip-password", response_model=SipPasswordOut, responses=problems(401, 403, 404, 409, 503)
)
async def reset_sip_password(
    user_id: uuid.UUID, principal: CurrentPrincipal, db: Db, ip: ClientIp
) -> SipPasswordOut:
    """A new SIP password for the user's phone, shown once; Asterisk gets it with the next PJSIP reload."""
    result = await sip_password.reset_sip_password(db, principal, user_id, ip=ip)
    await db.commit()
    return result
