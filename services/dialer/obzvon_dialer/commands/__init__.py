"""Commands addressed to the dialer over the bus: originate_call, connect_call, hangup_call."""
