"""Helpers to place calls through the raw AMI client and collect what happened to them."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from obzvon_pbx_sim import PbxSim

from tests.services.pbx_sim.ami_client import Msg, RawAmi

SimFactory = Callable[..., Awaitable[PbxSim]]  # the make_sim fixture: settings overrides → a started sim

CALLER_ID = '"CRM" <74951234567>'


async def originate(
    ami: RawAmi,
    number: str,
    attempt: str,
    *,
    amd: bool = False,
    record: bool = False,
    timeout_ms: int | None = None,
    asynchronous: bool = True,
    extra_vars: str = "",
) -> Msg:
    variables = (
        f"OBZVON_ATTEMPT_ID={attempt},OBZVON_PROJECT_ID=7,OBZVON_AMD={int(amd)},OBZVON_RECORD={int(record)}"
    )
    headers = {
        "Channel": f"PJSIP/{number}@trunk1",
        "Context": "obzvon-answered",
        "Exten": "s",
        "Priority": "1",
        "ChannelId": attempt,
        "CallerID": CALLER_ID,
        "Variable": variables + (f",{extra_vars}" if extra_vars else ""),
    }
    if asynchronous:
        headers["Async"] = "true"
    if timeout_ms is not None:
        headers["Timeout"] = str(timeout_ms)
    return await ami.action_with("Originate", headers, within=10)


async def hangup_of(ami: RawAmi, uniqueid: str, within: float = 5.0) -> Msg:
    return await ami.wait_for(lambda m: m.event == "Hangup" and m.get("Uniqueid") == uniqueid, within)


def names(events: list[Msg]) -> list[str]:
    return [m.event or "" for m in events]


def user_events(ami: RawAmi, name: str) -> list[Msg]:
    return [m for m in ami.events("UserEvent") if m.get("UserEvent") == name]
