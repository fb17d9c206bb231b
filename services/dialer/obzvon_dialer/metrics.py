"""Prometheus metrics of the dialer's telephony adapter."""

from prometheus_client import Counter, Gauge

AMI_CONNECTED = Gauge("obzvon_dialer_ami_connected", "1 while logged in to Asterisk's AMI")
AMI_RECONNECTS = Counter("obzvon_dialer_ami_reconnects_total", "AMI connections lost and re-established")
ORIGINATES = Counter(
    "obzvon_dialer_originates_total",
    "Originate actions by result: queued, refused (AMI error), unknown (no reply), not_sent",
    ["result"],
)
CALL_EVENTS = Counter("obzvon_dialer_call_events_total", "Domain call events written to the outbox", ["name"])
AMI_EVENTS_DROPPED = Counter(
    "obzvon_dialer_ami_events_dropped_total", "AMI events dropped because the buffer was full"
)
RECONCILED = Counter(
    "obzvon_dialer_reconciled_attempts_total", "Live attempts checked against the PBX", ["result"]
)
