"""Calls as the dialer sees them: AMI events → signals → attempt rows and domain events (I3)."""
