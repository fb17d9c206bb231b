"""Calls of a contact and calls by number in the client card (F-55), and what the card needs besides."""
