"""Inbound calls (F-44): a call from a trunk, answered by the dialplan, waits in its project's queue."""
