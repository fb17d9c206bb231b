"""Prometheus metrics of the bus (served by the service's /metrics)."""

from prometheus_client import Counter

PUBLISHED = Counter(
    "obzvon_bus_published_total",
    "Messages published with a broker confirm, by outcome (confirmed, unroutable, failed).",
    ["outcome"],
)
CONSUMED = Counter(
    "obzvon_bus_consumed_total",
    "Messages taken from a queue, by queue and outcome (ack, retry, dead_lettered, rejected, dropped).",
    ["queue", "outcome"],
)
OUTBOX_RELAYED = Counter(
    "obzvon_outbox_relayed_total",
    "Outbox rows published by the relay, by outcome (published, unroutable, failed).",
    ["outcome"],
)
DUPLICATES = Counter(
    "obzvon_bus_duplicates_total",
    "Redelivered messages an idempotent consumer had already processed, by consumer.",
    ["consumer"],
)
