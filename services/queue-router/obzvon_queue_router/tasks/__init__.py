"""Due tasks and automatic callbacks (F-46, F-54)."""
