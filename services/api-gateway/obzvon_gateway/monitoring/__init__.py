"""Live monitoring of operators and waiting calls (F-64)."""
