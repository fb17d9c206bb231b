"""Receiving a multipart upload straight to disk, with the size cap enforced while it streams in.

The request body is parsed as it arrives (python-multipart); the bytes of the ``file`` part go to
``<uploads dir>/<32 hex digits>`` and the upload is refused with 413 as soon as it passes the cap,
so an oversized body is neither held in memory nor spooled whole to disk. The user's file name is
kept only as text (for its extension and for people); it never becomes a path (ASVS 5.3.2).
"""

import contextlib
import unicodedata
import uuid
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

import anyio
from fastapi import Request
from obzvon_platform.problem import Problem
from python_multipart.exceptions import FormParserError
from python_multipart.multipart import MultipartParser, parse_options_header

FILE_FIELD = "file"
#: Room for the multipart framing and small form fields beside the file.
FRAMING_BYTES = 64 * 1024
MAX_FILE_NAME = 255


@dataclass(frozen=True, slots=True)
class ReceivedFile:
    path: Path
    stored_name: str
    file_name: str
    size: int


def too_large(max_bytes: int) -> Problem:
    mb = max_bytes / (1024 * 1024)
    shown = f"{mb:g}"
    return Problem(413, "file_too_large", f"Файл больше {shown} МБ", f"The file is larger than {shown} MB")


def no_file() -> Problem:
    return Problem(
        422, "file_required", "Выберите файл для загрузки (поле file)", "Choose a file to upload (field file)"
    )


def malformed() -> Problem:
    return Problem(
        400,
        "bad_multipart",
        "Файл передан не полностью или повреждён",
        "The upload is incomplete or malformed",
    )


def clean_file_name(raw: str) -> str:
    """The last path segment, without control or bidi-override characters, at most 255 characters."""
    name = PurePosixPath(raw.replace("\\", "/")).name
    name = "".join(ch for ch in name if unicodedata.category(ch) not in ("Cc", "Cf")).strip()
    return name[-MAX_FILE_NAME:] or "upload"


@dataclass
class _Parts:
    """Parser callbacks: collect the chunks of the file part for the writer, note its name."""

    headers: list[tuple[bytes, bytes]] = field(default_factory=list)
    header_name: bytes = b""
    header_value: bytes = b""
    in_file: bool = False
    file_seen: bool = False
    file_name: str = ""
    pending: list[bytes] = field(default_factory=list)
    ended: bool = False

    def on_part_begin(self) -> None:
        self.headers, self.in_file = [], False

    def on_header_field(self, data: bytes, start: int, end: int) -> None:
        self.header_name += data[start:end]

    def on_header_value(self, data: bytes, start: int, end: int) -> None:
        self.header_value += data[start:end]

    def on_header_end(self) -> None:
        self.headers.append((self.header_name.lower(), self.header_value))
        self.header_name = self.header_value = b""

    def on_headers_finished(self) -> None:
        disposition = dict(self.headers).get(b"content-disposition", b"")
        _, options = parse_options_header(disposition)
        name = options.get(b"name", b"").decode("utf-8", "replace")
        if name == FILE_FIELD and b"filename" in options and not self.file_seen:
            self.in_file = self.file_seen = True
            self.file_name = clean_file_name(options[b"filename"].decode("utf-8", "replace"))

    def on_part_data(self, data: bytes, start: int, end: int) -> None:
        if self.in_file:
            self.pending.append(data[start:end])

    def on_part_end(self) -> None:
        self.in_file = False

    def on_end(self) -> None:
        self.ended = True


def _boundary(request: Request) -> bytes:
    content_type, options = parse_options_header(request.headers.get("content-type", ""))
    if content_type != b"multipart/form-data" or not options.get(b"boundary"):
        raise no_file()
    return options[b"boundary"]


def _declared_length(request: Request) -> int | None:
    with contextlib.suppress(ValueError):
        return int(request.headers.get("content-length", ""))
    return None


async def receive_upload(request: Request, folder: Path, max_bytes: int) -> ReceivedFile:
    """Store the request's ``file`` part under a generated name; 413 past ``max_bytes``, 422 without a
    file. Nothing is left on disk when it fails."""
    boundary = _boundary(request)
    declared = _declared_length(request)
    if declared is not None and declared > max_bytes + FRAMING_BYTES:
        raise too_large(max_bytes)
    await anyio.Path(folder).mkdir(parents=True, exist_ok=True)
    stored_name = uuid.uuid4().hex
    path = folder / stored_name
    try:
        size, file_name = await _stream_to(request, boundary, path, max_bytes)
    except BaseException:
        await anyio.Path(path).unlink(missing_ok=True)
        raise
    return ReceivedFile(path, stored_name, file_name, size)


async def _stream_to(request: Request, boundary: bytes, path: Path, max_bytes: int) -> tuple[int, str]:
    parts = _Parts()
    callbacks = {name: getattr(parts, name) for name in _CALLBACKS}
    parser = MultipartParser(boundary, callbacks)  # type: ignore[arg-type]
    received = written = 0
    async with await anyio.open_file(path, "wb") as out:
        async for chunk in request.stream():
            received += len(chunk)
            if received > max_bytes + FRAMING_BYTES:
                raise too_large(max_bytes)
            try:
                parser.write(chunk)
            except FormParserError as exc:
                raise malformed() from exc
            written += await _flush(parts, out)
            if written > max_bytes:
                raise too_large(max_bytes)
    if not parts.file_seen:
        raise no_file()
    if not parts.ended:  # the body stopped before the closing boundary: the file is cut short
        raise malformed()
    return written, parts.file_name


async def _flush(parts: _Parts, out: "anyio.AsyncFile[bytes]") -> int:
    if not parts.pending:
        return 0
    data = b"".join(parts.pending)
    parts.pending.clear()
    await out.write(data)
    return len(data)


_CALLBACKS = (
    "on_part_begin",
    "on_header_field",
    "on_header_value",
    "on_header_end",
    "on_headers_finished",
    "on_part_data",
    "on_part_end",
    "on_end",
)
