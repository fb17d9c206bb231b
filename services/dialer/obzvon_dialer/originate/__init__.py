"""Placing calls: the attempt is committed first (I1, I2), then Originate is sent once."""
