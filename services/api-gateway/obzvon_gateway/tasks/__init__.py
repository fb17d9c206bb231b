"""Tasks on contacts, with automatic callbacks (F-54, F-46)."""
