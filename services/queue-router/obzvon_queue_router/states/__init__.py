"""Operator states (F-50): the transition rules and the intervals queue-router writes."""
