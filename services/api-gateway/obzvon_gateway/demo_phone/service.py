"""Demo phone rules: only when pbx-sim's control URL is configured (otherwise 404, and the SPA hides the
panel); only operators with an extension; only their own extension — there is no way to name another.
Answer picks up a ringing phone, hang-up declines a ringing call or ends the current one; with nothing to
act on the answer is 409."""

from obzvon_platform.problem import Problem, not_found

from obzvon_gateway.auth.principal import Principal
from obzvon_gateway.demo_phone import client
from obzvon_gateway.demo_phone.schemas import DemoPhoneOut, PhoneActionOut, PhoneState

RINGING = {"RINGING", "RINGINUSE"}
TALKING = {"INUSE", "BUSY", "ONHOLD"}


def _extension(principal: Principal, base_url: str | None) -> tuple[str, str]:
    if base_url is None or not principal.is_operator or not principal.user.extension:
        raise not_found("demo phone")
    return base_url, principal.user.extension


def phone_state(device_state: str) -> PhoneState:
    if device_state in RINGING:
        return PhoneState.RINGING
    if device_state in TALKING:
        return PhoneState.TALKING
    if device_state == "UNAVAILABLE":
        return PhoneState.UNAVAILABLE
    return PhoneState.IDLE


async def my_phone(principal: Principal, base_url: str | None) -> DemoPhoneOut:
    url, extension = _extension(principal, base_url)
    endpoints = await client.get_endpoints(url)
    mine = next((e for e in endpoints if str(e.get("name")) == extension), None)
    # The simulator creates an operator's endpoint on first dial: until then the phone is idle.
    device_state = str(mine.get("device_state", "NOT_INUSE")) if mine else "NOT_INUSE"
    return DemoPhoneOut(
        enabled=True, extension=extension, state=phone_state(device_state), device_state=device_state
    )


async def act(principal: Principal, base_url: str | None, action: str) -> PhoneActionOut:
    url, extension = _extension(principal, base_url)
    status, body = await client.post_action(url, extension, action)
    if status in (404, 409):
        raise Problem(
            409,
            "phone_idle",
            "Телефон не звонит и не в разговоре",
            "The phone is neither ringing nor in a call",
        )
    if status != 200:
        raise client.unreachable()
    return PhoneActionOut(result=str(body.get("result", action)))
