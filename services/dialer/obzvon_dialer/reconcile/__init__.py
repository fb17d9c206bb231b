"""Settling live attempts against the PBX's channels after every (re)connect and periodically (I2)."""
