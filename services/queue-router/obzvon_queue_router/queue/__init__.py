"""The per-project waiting queue of answered calls and the ring strategies (F-43)."""
