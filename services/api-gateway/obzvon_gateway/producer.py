"""The gateway's name as the producer of the events and commands it writes."""

PRODUCER = "api-gateway"
