"""Turns the client byte stream into actions, with manager.c's input rules.

- A line ends with `\\n`; a `\\r` before it is dropped, so CRLF and bare LF both work.
- An empty line ends the message (even a message with no headers).
- Header names keep their spelling; lookups are case-insensitive (see AmiMessage).
- Leading blanks of a value are skipped.
- A line longer than 1024 bytes is discarded and the message answered with an error;
  headers beyond 128 are lost and the message answered with an error.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum

from obzvon_pbx_sim.ami.message import AmiMessage

MAX_LINE = 1024
MAX_HEADERS = 128


class FrameProblem(Enum):
    NONE = "none"
    LINE_TOO_LONG = "Failed to parse message: line too long"
    TOO_MANY_HEADERS = "Too many lines in message or allocation failure"


@dataclass
class Frame:
    message: AmiMessage
    problem: FrameProblem = FrameProblem.NONE


@dataclass
class FrameParser:
    max_line: int = MAX_LINE
    max_headers: int = MAX_HEADERS
    _buffer: bytearray = field(default_factory=bytearray)
    _headers: list[tuple[str, str]] = field(default_factory=list)
    _problem: FrameProblem = FrameProblem.NONE
    _discarding: bool = False

    def feed(self, data: bytes) -> list[Frame]:
        self._buffer.extend(data)
        frames: list[Frame] = []
        while True:
            newline = self._buffer.find(b"\n")
            if newline < 0:
                if len(self._buffer) > self.max_line:
                    # manager.c dumps a long line with no return and keeps reading.
                    self._buffer.clear()
                    self._discarding = True
                    self._problem = FrameProblem.LINE_TOO_LONG
                break
            raw = bytes(self._buffer[:newline])
            del self._buffer[: newline + 1]
            if self._discarding:
                self._discarding = False
                continue
            if raw.endswith(b"\r"):
                raw = raw[:-1]
            frame = self._line(raw)
            if frame is not None:
                frames.append(frame)
        return frames

    def _line(self, raw: bytes) -> Frame | None:
        if not raw:
            frame = Frame(AmiMessage(self._headers), self._problem)
            self._headers = []
            self._problem = FrameProblem.NONE
            return frame
        if len(raw) > self.max_line:
            self._problem = FrameProblem.LINE_TOO_LONG
            return None
        if len(self._headers) >= self.max_headers:
            self._problem = FrameProblem.TOO_MANY_HEADERS
            return None
        text = raw.decode("utf-8", errors="replace")
        name, sep, value = text.partition(":")
        if not sep:
            # A line without a colon can never match a header lookup; keep the slot as manager.c does.
            self._headers.append((text, ""))
            return None
        self._headers.append((name.strip(), value.lstrip(" \t")))
        return None
