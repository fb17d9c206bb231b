"""Telephony events from the dialer, turned into queue and operator state changes."""
