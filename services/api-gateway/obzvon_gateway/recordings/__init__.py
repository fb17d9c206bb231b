"""Call recordings (F-47): streamed to the users allowed to see the call, every playback audited."""
