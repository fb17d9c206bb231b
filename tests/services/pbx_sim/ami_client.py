"""A minimal raw-socket AMI client for conformance tests: it keeps every byte it received."""

from __future__ import annotations

import asyncio
import itertools
from collections.abc import Callable, Iterable

USERNAME = "crm"
SECRET = "s3cret"

Headers = Iterable[tuple[str, str]] | dict[str, str]


class Msg:
    def __init__(self, raw: bytes) -> None:
        self.raw = raw
        self.headers: list[tuple[str, str]] = []
        for line in raw.decode().split("\r\n"):
            name, _, value = line.partition(": ")
            self.headers.append((name, value))

    def get(self, name: str, default: str | None = None) -> str | None:
        for key, value in self.headers:
            if key == name:
                return value
        return default

    def __getitem__(self, name: str) -> str:
        value = self.get(name)
        if value is None:
            raise KeyError(name)
        return value

    def get_all(self, name: str) -> list[str]:
        return [value for key, value in self.headers if key == name]

    def names(self) -> list[str]:
        return [key for key, _ in self.headers]

    @property
    def event(self) -> str | None:
        return self.get("Event")

    def __repr__(self) -> str:
        return f"Msg({self.raw.decode()!r})"


class RawAmi:
    _ids = itertools.count(1)

    def __init__(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter, banner: bytes) -> None:
        self.reader = reader
        self.writer = writer
        self.banner = banner
        self.messages: list[Msg] = []
        self.eof = asyncio.Event()
        self._changed = asyncio.Condition()
        self._task = asyncio.create_task(self._read())

    @classmethod
    async def connect(cls, port: int) -> RawAmi:
        reader, writer = await asyncio.open_connection("127.0.0.1", port)
        banner = await asyncio.wait_for(reader.readuntil(b"\r\n"), 5)
        return cls(reader, writer, banner)

    async def _read(self) -> None:
        buffer = b""
        try:
            while True:
                chunk = await self.reader.read(65536)
                if not chunk:
                    break
                buffer += chunk
                *complete, buffer = buffer.split(b"\r\n\r\n")
                async with self._changed:
                    self.messages.extend(Msg(part) for part in complete)
                    self._changed.notify_all()
        except ConnectionError:
            pass
        finally:
            self.eof.set()
            async with self._changed:
                self._changed.notify_all()

    async def close(self) -> None:
        self.writer.close()
        self._task.cancel()

    def write(self, data: bytes) -> None:
        self.writer.write(data)

    def send(self, headers: Headers, eol: str = "\r\n") -> None:
        pairs = headers.items() if isinstance(headers, dict) else headers
        self.write(("".join(f"{k}: {v}{eol}" for k, v in pairs) + eol).encode())

    async def wait_for(self, predicate: Callable[[Msg], bool], within: float = 5.0, start: int = 0) -> Msg:
        async def find() -> Msg:
            async with self._changed:
                while True:
                    for msg in self.messages[start:]:
                        if predicate(msg):
                            return msg
                    if self.eof.is_set():
                        raise ConnectionError("connection closed while waiting")
                    await self._changed.wait()

        return await asyncio.wait_for(find(), within)

    async def action(self, action: str, within: float = 5.0, **headers: str) -> Msg:
        return await self.action_with(action, headers, within)

    async def action_with(self, action: str, headers: dict[str, str], within: float = 5.0) -> Msg:
        action_id = f"t{next(self._ids)}"
        self.send({"Action": action, "ActionID": action_id, **headers})

        def is_reply(m: Msg) -> bool:
            return m.get("ActionID") == action_id and m.get("Response") is not None

        return await self.wait_for(is_reply, within)

    async def login(self, username: str = USERNAME, secret: str = SECRET, events: str = "on") -> Msg:
        return await self.action("Login", Username=username, Secret=secret, Events=events)

    def events(self, name: str | None = None) -> list[Msg]:
        return [m for m in self.messages if m.event is not None and (name is None or m.event == name)]

    def call_events(self, uniqueid: str) -> list[Msg]:
        """Events about one channel: its own block, its Dest block, or its OriginateResponse."""
        return [
            m
            for m in self.messages
            if m.event is not None and uniqueid in (m.get("Uniqueid"), m.get("DestUniqueid"))
        ]

    async def closed(self, within: float = 5.0) -> bool:
        await asyncio.wait_for(self.eof.wait(), within)
        return True
