"""Call records (F-47, F-55, F-61): one row per call, merged from the dialer's call events (I3)."""
