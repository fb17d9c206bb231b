"""The client card of the operator's current call (F-52, F-53, F-45)."""
