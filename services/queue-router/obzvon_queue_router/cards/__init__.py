"""The client card that pops for the operator (F-52): opened by queue-router, saved through the gateway."""
