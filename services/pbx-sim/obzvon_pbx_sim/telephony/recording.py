"""MixMonitor: a recording runs from start to stop and leaves a WAV file of that length."""

from __future__ import annotations

import asyncio
import logging
import time
from pathlib import Path, PurePath

from obzvon_pbx_sim.wav import write_tone_wav

log = logging.getLogger(__name__)


class Recording:
    def __init__(self, directory: Path | None, filename: str) -> None:
        self.filename = filename
        self.path = _target(directory, filename)
        self.started = time.monotonic()
        self.seconds = 0.0
        self.ok = False
        if self.path is not None:
            try:
                write_tone_wav(self.path, 0)  # the file exists while recording, as with MixMonitor
                self.ok = True
            except OSError as exc:
                log.warning("cannot open %s for writing: %s", self.path, exc)

    async def finish(self) -> Path | None:
        self.seconds = time.monotonic() - self.started
        if self.path is None or not self.ok:
            return None
        try:
            return await asyncio.to_thread(write_tone_wav, self.path, self.seconds)
        except OSError as exc:
            log.warning("cannot write recording %s: %s", self.path, exc)
            return None


def _target(directory: Path | None, filename: str) -> Path | None:
    """Relative names land in the recordings directory (the monitor dir); the simulator never
    writes outside it, so an absolute or `..` name keeps only its last part."""
    if directory is None or not filename:
        return None
    pure = PurePath(filename)
    if pure.is_absolute() or ".." in pure.parts:
        pure = PurePath(pure.name)
    return directory / pure
