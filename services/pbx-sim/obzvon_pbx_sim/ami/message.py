"""One AMI message: ordered `Key: Value` headers, looked up without regard to case."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

CRLF = "\r\n"


class AmiMessage:
    """An action, a response or an event. Header order is kept; a header may repeat."""

    __slots__ = ("headers",)

    def __init__(self, headers: Iterable[tuple[str, str]] = ()) -> None:
        self.headers: list[tuple[str, str]] = list(headers)

    def get(self, key: str, default: str = "") -> str:
        """The first value of `key` (case-insensitive), as manager.c `astman_get_header` does."""
        wanted = key.lower()
        for name, value in self.headers:
            if name.lower() == wanted:
                return value
        return default

    def get_all(self, key: str) -> list[str]:
        wanted = key.lower()
        return [value for name, value in self.headers if name.lower() == wanted]

    def has(self, key: str) -> bool:
        wanted = key.lower()
        return any(name.lower() == wanted for name, _ in self.headers)

    def add(self, key: str, value: object) -> AmiMessage:
        self.headers.append((key, str(value)))
        return self

    def extend(self, pairs: Iterable[tuple[str, str]]) -> AmiMessage:
        self.headers.extend(pairs)
        return self

    def insert_after(self, key: str, new_key: str, value: str) -> None:
        """Insert a header right after the first `key` header (or at the end)."""
        wanted = key.lower()
        for index, (name, _) in enumerate(self.headers):
            if name.lower() == wanted:
                self.headers.insert(index + 1, (new_key, value))
                return
        self.headers.append((new_key, value))

    def copy(self) -> AmiMessage:
        return AmiMessage(self.headers)

    @property
    def event(self) -> str:
        return self.get("Event")

    def encode(self) -> bytes:
        """Wire form: every line ends with CRLF and the message with an empty line.

        A header with an empty value is written as `Key: ` (with the space), as Asterisk does.
        """
        body = "".join(f"{name}: {value}{CRLF}" for name, value in self.headers)
        return (body + CRLF).encode("utf-8")

    def __iter__(self) -> Iterator[tuple[str, str]]:
        return iter(self.headers)

    def __len__(self) -> int:
        return len(self.headers)

    def __repr__(self) -> str:
        inner = ", ".join(f"{name}={value!r}" for name, value in self.headers)
        return f"AmiMessage({inner})"

    def as_dict(self) -> dict[str, str]:
        """First value of each header, keys as sent (handy in tests and the control API)."""
        result: dict[str, str] = {}
        for name, value in self.headers:
            result.setdefault(name, value)
        return result
