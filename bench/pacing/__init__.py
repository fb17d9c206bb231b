"""Dial-pacing benchmark: `python -m bench.pacing` writes bench/results/pacing.json."""
