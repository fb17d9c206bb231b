"""HTTP: the demo phone of the caller's own extension (only with ``OBZVON_PBX_CONTROL_URL``)."""

from typing import Annotated

from fastapi import APIRouter, Depends

from obzvon_gateway.auth.dependencies import CurrentPrincipal
from obzvon_gateway.demo_phone import service
from obzvon_gateway.demo_phone.schemas import DemoPhoneOut, PhoneActionOut
from obzvon_gateway.demo_phone.settings import pbx_control_url
from obzvon_gateway.openapi import problems

router = APIRouter(prefix="/api/demo-phone", tags=["demo-phone"])

ControlUrl = Annotated[str | None, Depends(pbx_control_url)]


@router.get("", response_model=DemoPhoneOut, responses=problems(401, 404))
async def get_demo_phone(principal: CurrentPrincipal, base_url: ControlUrl) -> DemoPhoneOut:
    """The caller's extension and whether it rings or talks; 404 when there is no demo phone."""
    return await service.my_phone(principal, base_url)


@router.post("/answer", response_model=PhoneActionOut, responses=problems(401, 404, 409))
async def answer_demo_phone(principal: CurrentPrincipal, base_url: ControlUrl) -> PhoneActionOut:
    """Pick up the ringing phone («Ответить»)."""
    return await service.act(principal, base_url, "answer")


@router.post("/hangup", response_model=PhoneActionOut, responses=problems(401, 404, 409))
async def hangup_demo_phone(principal: CurrentPrincipal, base_url: ControlUrl) -> PhoneActionOut:
    """Decline the ringing call or end the current one («Положить трубку»)."""
    return await service.act(principal, base_url, "hangup")
