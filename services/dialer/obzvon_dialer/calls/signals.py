"""What an AMI event means for one call, stripped of AMI's wire details."""

import datetime as dt
import uuid
from dataclasses import dataclass
from enum import StrEnum


class SignalKind(StrEnum):
    SEEN = "seen"  # the client's channel exists
    RINGING = "ringing"  # the client's phone rings
    UP = "up"  # the client's channel is answered
    DIAL_END = "dial_end"  # dialing the client ended with ``status`` (DIALSTATUS)
    AMD = "amd"  # answering-machine detection: ``status`` AMDSTATUS, ``detail`` AMDCAUSE
    WAITING = "waiting"  # the answered call waits on hold for an operator
    OPERATOR_DIAL = "operator_dial"  # an operator was dialed: ``status`` DIALSTATUS, ``extension``
    MANUAL_DIAL = "manual_dial"  # the client leg of a manual call: ``status`` DIALSTATUS, ``cause``
    RECORDING = "recording"  # MixMonitor started on the client's channel
    HANGUP_REQUEST = "hangup_request"  # ``status``: "remote" (the far party) or "soft" (the PBX)
    HANGUP = "hangup"  # a channel is gone: ``cause``, ``detail`` = cause text, ``status`` "up" if answered
    ORIGINATE_FAILED = "originate_failed"  # OriginateResponse Failure: ``cause`` = Reason
    INBOUND = "inbound"  # an inbound call was answered and waits: ``project``, ``number``, ``trunk``, ``did``


class Leg(StrEnum):
    CLIENT = "client"  # the originated channel, Uniqueid = attempt id
    OPERATOR = "operator"  # any other channel of the call (the operator's phone)
    OFFER = "offer"  # an operator's phone the dialer rings itself for a ring-all offer
    INBOUND = "inbound"  # the caller's channel of an inbound call (its call id derives from its Uniqueid)


@dataclass(frozen=True)
class CallSignal:
    kind: SignalKind
    attempt_id: uuid.UUID
    at: dt.datetime
    leg: Leg = Leg.CLIENT
    channel: str = ""
    status: str = ""
    detail: str = ""
    cause: int | None = None
    extension: str = ""
    leg_id: str = ""  # the Uniqueid of an offer leg
    operator_id: uuid.UUID | None = None  # the user with ``extension``, filled in by the call service
    project: str = ""  # inbound: OBZVON_PROJECT_ID
    number: str = ""  # inbound: the caller's number
    trunk: str = ""  # inbound: OBZVON_TRUNK_ID
    did: str = ""  # inbound: the number dialled
