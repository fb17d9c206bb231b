"""FastAPI dependencies shared by every domain: the gateway context, a database session, the client."""

import ipaddress
from collections.abc import AsyncIterator
from typing import Annotated

from fastapi import Depends, Request
from obzvon_platform.bus import call_after_commit
from sqlalchemy.ext.asyncio import AsyncSession
from starlette.requests import HTTPConnection

from obzvon_gateway.context import GatewayContext


def get_gateway(connection: HTTPConnection) -> GatewayContext:
    gateway: GatewayContext = connection.app.state.gateway
    return gateway


Gateway = Annotated[GatewayContext, Depends(get_gateway)]


async def get_db(gateway: Gateway) -> AsyncIterator[AsyncSession]:
    """A session for the request; routers commit, and committed outbox rows wake the relay at once."""
    async with gateway.resources.sessions() as session:
        call_after_commit(session, gateway.relay.wake)
        yield session


Db = Annotated[AsyncSession, Depends(get_db)]


def client_ip(connection: HTTPConnection) -> str:
    """The peer address as the ASGI server reports it (proxy headers only when the server trusts them)."""
    host = connection.client.host if connection.client else ""
    try:
        return str(ipaddress.ip_address(host))
    except ValueError:
        return "0.0.0.0"


ClientIp = Annotated[str, Depends(client_ip)]


def user_agent(request: Request) -> str:
    return request.headers.get("user-agent", "")[:256]
