"""AMI actions the dialer sends, built as panoramisk action dicts."""

import uuid
from dataclasses import dataclass
from typing import Any

from obzvon_dialer.ami import dialplan


@dataclass(frozen=True)
class OriginateSpec:
    """One outbound call: the client leg gets ``ChannelId`` = the attempt id (I2)."""

    attempt_id: uuid.UUID
    project_id: uuid.UUID
    contact_id: uuid.UUID | None
    phone: str
    trunk_id: uuid.UUID
    caller_id: str | None
    timeout_seconds: int
    record: bool
    amd: bool
    max_wait_seconds: int
    operator_timeout_seconds: int
    auto_answer: bool
    #: A manual call (F-45): the operator's phone rings first, then the client is dialled.
    operator_extension: str | None = None


def originate_action_id(attempt_id: uuid.UUID) -> str:
    return f"obzvon-originate-{attempt_id}"


def originate(spec: OriginateSpec) -> dict[str, Any]:
    if spec.operator_extension:
        return originate_manual(spec, spec.operator_extension)
    variables = [
        f"{dialplan.ATTEMPT_VAR}={spec.attempt_id}",
        f"{dialplan.PROJECT_VAR}={spec.project_id}",
        f"{dialplan.CONTACT_VAR}={spec.contact_id or ''}",
        f"{dialplan.RECORD_VAR}={int(spec.record)}",
        f"{dialplan.AMD_VAR}={int(spec.amd)}",
        f"{dialplan.MAX_WAIT_VAR}={spec.max_wait_seconds}",
        f"{dialplan.OPERATOR_TIMEOUT_VAR}={spec.operator_timeout_seconds}",
        f"{dialplan.AUTO_ANSWER_VAR}={int(spec.auto_answer)}",
    ]
    action: dict[str, Any] = {
        "Action": "Originate",
        "ActionID": originate_action_id(spec.attempt_id),
        "Channel": f"PJSIP/{spec.phone}@{dialplan.trunk_endpoint(spec.trunk_id)}",
        "Context": dialplan.ANSWERED_CONTEXT,
        "Exten": "s",
        "Priority": "1",
        "Timeout": str(spec.timeout_seconds * 1000),
        "ChannelId": str(spec.attempt_id),
        "OtherChannelId": f"{spec.attempt_id};2",
        "Async": "true",
        "Variable": variables,
    }
    if spec.caller_id:
        action["CallerID"] = spec.caller_id
    return action


def originate_manual(spec: OriginateSpec, extension: str) -> dict[str, Any]:
    """Click-to-call: ring the operator's phone (``ChannelId`` = the attempt id) into
    ``[obzvon-manual] <number>``, which then dials the client through the trunk."""
    variables = [
        f"{dialplan.ATTEMPT_VAR}={spec.attempt_id}",
        f"{dialplan.PROJECT_VAR}={spec.project_id}",
        f"{dialplan.CONTACT_VAR}={spec.contact_id or ''}",
        f"{dialplan.RECORD_VAR}={int(spec.record)}",
        f"{dialplan.TRUNK_VAR}={dialplan.trunk_endpoint(spec.trunk_id)}",
        f"{dialplan.CALLERID_VAR}={spec.caller_id or ''}",
        f"{dialplan.DIAL_TIMEOUT_VAR}={spec.timeout_seconds}",
    ]
    return {
        "Action": "Originate",
        "ActionID": originate_action_id(spec.attempt_id),
        "Channel": f"PJSIP/{extension}",
        "Context": dialplan.MANUAL_CONTEXT,
        "Exten": spec.phone,
        "Priority": "1",
        "Timeout": str(spec.operator_timeout_seconds * 1000),
        "ChannelId": str(spec.attempt_id),
        "OtherChannelId": f"{spec.attempt_id};2",
        # The operator's phone shows the client's number.
        "CallerID": spec.phone,
        "Async": "true",
        "Variable": variables,
    }


def set_variable(channel: str, name: str, value: str) -> dict[str, Any]:
    return {"Action": "Setvar", "Channel": channel, "Variable": name, "Value": value}


def redirect_to_operator(channel: str, extension: str) -> dict[str, Any]:
    return {
        "Action": "Redirect",
        "Channel": channel,
        "Context": dialplan.OPERATOR_CONTEXT,
        "Exten": extension,
        "Priority": "1",
    }


def hangup(channel: str, cause: int = 16) -> dict[str, Any]:
    return {"Action": "Hangup", "Channel": channel, "Cause": str(cause)}


def core_show_channels() -> dict[str, Any]:
    return {"Action": "CoreShowChannels"}


def ring_operator(
    channel_id: str,
    extension: str,
    client_channel: str,
    *,
    attempt_id: uuid.UUID,
    project_id: uuid.UUID,
    caller_id: str,
    timeout_seconds: int,
) -> dict[str, Any]:
    """Ring an operator's phone; on answer it is bridged with the waiting client's channel."""
    return {
        "Action": "Originate",
        "ActionID": f"obzvon-ring-{channel_id}",
        "Channel": f"PJSIP/{extension}",
        "Application": "Bridge",
        "Data": client_channel,
        "Timeout": str(timeout_seconds * 1000),
        "ChannelId": channel_id,
        "CallerID": caller_id,
        "Async": "true",
        "Variable": [f"{dialplan.ATTEMPT_VAR}={attempt_id}", f"{dialplan.PROJECT_VAR}={project_id}"],
    }
