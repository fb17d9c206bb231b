"""The dialplan contract with Asterisk (asterisk/README.md; asterisk/extensions.conf, acted out by
pbx-sim).

- An outbound call is originated to ``PJSIP/<number>@obzvon-trunk-<trunk id>`` (the generated PJSIP
  endpoint of the trunk) into ``[obzvon-answered]`` ``s``:
  it records (``OBZVON_RECORD=1``, MixMonitor ``<attempt id>.wav``), runs AMD (``OBZVON_AMD=1``,
  ``UserEvent(ObzvonAmd)``; a machine is hung up), then waits on hold (``UserEvent(ObzvonWaiting)``)
  for at most ``OBZVON_MAX_WAIT`` seconds (``UserEvent(ObzvonWaitTimeout)``, then a hangup).
- ``connect_call`` redirects the waiting client into ``[obzvon-operator]`` ``<extension>``, which dials
  the operator for ``OBZVON_OPERATOR_TIMEOUT`` seconds and reports ``UserEvent(ObzvonOperatorDial)``
  with ``DialStatus`` (on the operator's leg when answered, then bridged; on the client's leg
  otherwise, back on hold).
- A manual call (F-45) originates the operator's phone ``PJSIP/<extension>`` into ``[obzvon-manual]``
  ``<number>``; once it answers the dialplan dials the client through ``OBZVON_TRUNK`` and reports
  ``UserEvent(ObzvonManualDial)``.
- An inbound call (F-44) is answered in ``[obzvon-inbound]``, reported by ``UserEvent(ObzvonInbound)``
  (``TrunkId``, ``From``, ``Did``) and then waits like an outbound call; its own ``Uniqueid`` is its
  ``OBZVON_ATTEMPT_ID``.
- ``OBZVON_ATTEMPT_ID`` and ``OBZVON_PROJECT_ID`` are ``channelvars=`` of manager.conf, so every
  channel event carries them (the operator's leg inherits them).
"""

ANSWERED_CONTEXT = "obzvon-answered"
OPERATOR_CONTEXT = "obzvon-operator"
#: Click-to-call (F-45): the operator's phone is originated here, exten = the client's number.
MANUAL_CONTEXT = "obzvon-manual"

ATTEMPT_VAR = "OBZVON_ATTEMPT_ID"
PROJECT_VAR = "OBZVON_PROJECT_ID"
CONTACT_VAR = "OBZVON_CONTACT_ID"
RECORD_VAR = "OBZVON_RECORD"
AMD_VAR = "OBZVON_AMD"
MAX_WAIT_VAR = "OBZVON_MAX_WAIT"
OPERATOR_TIMEOUT_VAR = "OBZVON_OPERATOR_TIMEOUT"
#: Set with ``__`` so the operator's channel inherits it (obzvon-operator-predial reads it there).
AUTO_ANSWER_VAR = "__OBZVON_AUTO_ANSWER"
#: Variables of a manual call: the client leg's trunk endpoint, CallerID and ring time.
TRUNK_VAR = "OBZVON_TRUNK"
CALLERID_VAR = "OBZVON_CALLERID"
DIAL_TIMEOUT_VAR = "OBZVON_DIAL_TIMEOUT"

AMD_EVENT = "ObzvonAmd"
WAITING_EVENT = "ObzvonWaiting"
OPERATOR_DIAL_EVENT = "ObzvonOperatorDial"
MANUAL_DIAL_EVENT = "ObzvonManualDial"
INBOUND_EVENT = "ObzvonInbound"


def trunk_endpoint(trunk_id: object) -> str:
    """The PJSIP endpoint the configuration generator writes for a trunk."""
    return f"obzvon-trunk-{trunk_id}"


def recording_name(attempt_id: object) -> str:
    """The file MixMonitor writes for a call, relative to Asterisk's monitor directory."""
    return f"{attempt_id}.wav"
