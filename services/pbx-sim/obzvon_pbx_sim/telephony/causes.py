"""Hangup causes (main/channel.c `causes[]`) and how dialing code turns them into statuses."""

from __future__ import annotations

NORMAL_CLEARING = 16
USER_BUSY = 17
NO_USER_RESPONSE = 18
NO_ANSWER = 19
SUBSCRIBER_ABSENT = 20
CALL_REJECTED = 21
CONGESTION = 34
UNALLOCATED = 1

CAUSE_TEXT = {
    1: "Unallocated (unassigned) number",
    2: "No route to specified transmit network",
    3: "No route to destination",
    6: "Channel unacceptable",
    16: "Normal Clearing",
    17: "User busy",
    18: "No user responding",
    19: "User alerting, no answer",
    20: "Subscriber absent",
    21: "Call Rejected",
    22: "Number changed",
    26: "Answered elsewhere",
    27: "Destination out of order",
    28: "Invalid number format",
    29: "Facility rejected",
    31: "Normal, unspecified",
    34: "Circuit/channel congestion",
    38: "Network out of order",
    41: "Temporary failure",
    42: "Switching equipment congestion",
    102: "Recover on timer expiry",
}

# SIP final response that chan_pjsip reports as TechCause for a cause (res_pjsip ast_sip_hangup_sip2cause).
SIP_CODE = {USER_BUSY: 486, CALL_REJECTED: 603, CONGESTION: 503, UNALLOCATED: 404, NO_USER_RESPONSE: 408}


def cause_text(cause: int) -> str:
    return CAUSE_TEXT.get(cause, "Unknown")


def dial_end_status(cause: int) -> str:
    """DialEnd status of a callee that hung up (main/dial.c `ast_hangup_cause_to_dial_status`)."""
    if cause == USER_BUSY:
        return "BUSY"
    if cause == CONGESTION:
        return "CONGESTION"
    if cause in (3, SUBSCRIBER_ABSENT):
        return "CHANUNAVAIL"
    return "NOANSWER"


def app_dial_status(cause: int) -> str:
    """${DIALSTATUS} that app_dial leaves after a single callee failed (`handle_cause`).

    Unlike DialEnd, anything that is not busy, congestion, no answer or normal clearing
    counts as CHANUNAVAIL — a rejected call (21) gives DIALSTATUS=CHANUNAVAIL.
    """
    if cause == USER_BUSY:
        return "BUSY"
    if cause == CONGESTION:
        return "CONGESTION"
    if cause in (NO_ANSWER, NORMAL_CLEARING):
        return "NOANSWER"
    return "CHANUNAVAIL"


def originate_reason(answered: bool, dial_cause: int) -> int:
    """OriginateResponse `Reason` (pbx.c `pbx_dial_reason`) from the dial's own cause.

    chan_pjsip never sets the dial's own cause for 486/503/603, so only the ring timeout
    (19) and a failed channel request carry one; PJSIP busy therefore gives Reason 0.
    """
    if answered:
        return 4
    if dial_cause == USER_BUSY:
        return 5
    if dial_cause in (CALL_REJECTED, 38, 27, 41, 42, CONGESTION):
        return 8
    if dial_cause in (26, NO_ANSWER):
        return 3
    return 0
