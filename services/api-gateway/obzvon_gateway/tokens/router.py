"""HTTP: the caller's API tokens (F-05)."""

import uuid

from fastapi import APIRouter, Response, status

from obzvon_gateway.auth.dependencies import CurrentPrincipal, SessionPrincipal
from obzvon_gateway.deps import ClientIp, Db
from obzvon_gateway.openapi import problems
from obzvon_gateway.tokens import service
from obzvon_gateway.tokens.schemas import TokenCreate, TokenCreated, TokenOut

router = APIRouter(prefix="/api/tokens", tags=["tokens"])


@router.post(
    "", response_model=TokenCreated, status_code=status.HTTP_201_CREATED, responses=problems(401, 403)
)
async def create_token(body: TokenCreate, principal: SessionPrincipal, db: Db, ip: ClientIp) -> TokenCreated:
    """Create a token for OpenAPI clients; the secret is in this answer only. Needs a password sign-in."""
    token, secret = await service.create_token(db, principal, body.name, body.expires_in_days, ip=ip)
    await db.commit()
    return TokenCreated(**TokenOut.model_validate(token).model_dump(), token=secret)


@router.get("", response_model=list[TokenOut], responses=problems(401))
async def list_tokens(principal: CurrentPrincipal, db: Db) -> list[TokenOut]:
    return [TokenOut.model_validate(t) for t in await service.list_tokens(db, principal)]


@router.delete("/{token_id}", status_code=status.HTTP_204_NO_CONTENT, responses=problems(401, 403, 404))
async def revoke_token(token_id: uuid.UUID, principal: CurrentPrincipal, db: Db, ip: ClientIp) -> Response:
    await service.revoke_token(db, principal, token_id, ip=ip)
    await db.commit()
    return Response(status_code=status.HTTP_204_NO_CONTENT)
