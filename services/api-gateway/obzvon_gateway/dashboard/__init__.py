"""The operator's own dashboard (F-63, O §8): today's time in each state and the call counts."""
