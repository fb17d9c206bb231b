"""Recordings the simulator leaves behind: RIFF/WAVE, 8 kHz, mono, 16-bit PCM with a tone."""

from __future__ import annotations

import math
import wave
from array import array
from pathlib import Path

RATE = 8000
AMPLITUDE = 6000


def _one_second() -> bytes:
    """Half a second of 440 Hz, then half a second of 660 Hz (whole periods: it loops cleanly)."""
    samples = array("h")
    half = RATE // 2
    for frequency in (440, 660):
        step = 2 * math.pi * frequency / RATE
        samples.extend(int(AMPLITUDE * math.sin(step * n)) for n in range(half))
    return samples.tobytes()


_SECOND = _one_second()


def write_tone_wav(path: Path, seconds: float) -> Path:
    """Write `seconds` of tone to `path` (replacing it) and return the path."""
    frames = max(0, round(seconds * RATE))
    whole, rest = divmod(frames, RATE)
    path.parent.mkdir(parents=True, exist_ok=True)
    with wave.open(str(path), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(RATE)
        for _ in range(whole):
            out.writeframes(_SECOND)
        out.writeframes(_SECOND[: rest * 2])
    return path
