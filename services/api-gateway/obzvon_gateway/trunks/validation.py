"""Field rules of a trunk (F-13). Values end up in Asterisk's PJSIP configuration, so anything that could
break a line or start a comment there is refused (a `;` in a password is escaped by the renderer)."""

import ipaddress
import re
from dataclasses import dataclass

from obzvon_gateway.projects.errors import FieldErrors

HOSTNAME_RE = re.compile(
    r"^(?=.{1,253}$)[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?(\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$"
)
USERNAME_RE = re.compile(r"^[A-Za-z0-9._+\-]{1,64}$")
CONTEXT_RE = re.compile(r"^[A-Za-z0-9_-]{1,80}$")
MAX_LINES = 10_000


def _has_control(value: str) -> bool:
    return any(ord(ch) < 32 or ord(ch) == 127 for ch in value)


def clean_host(value: str) -> str | None:
    """The provider's host without a `sip:` prefix: an IPv4 address or a DNS name; None if invalid."""
    host = value.strip()
    if host.lower().startswith("sip:"):
        host = host[4:]
    try:
        return str(ipaddress.IPv4Address(host))
    except ValueError:
        pass
    if HOSTNAME_RE.match(host) and not host.replace(".", "").isdigit():
        return host.lower()
    return None


@dataclass
class TrunkFields:
    """The trunk's values after a create or a PATCH is applied; `password` is None when unset."""

    name: str
    username: str
    password: str | None
    host: str
    port: int
    context: str
    max_lines: int | None


def check_fields(fields: TrunkFields) -> TrunkFields:
    """Normalise the values or raise one 422 naming every bad field (ru/en)."""
    errors = FieldErrors()
    name = fields.name.strip()
    if not name or _has_control(name):
        errors.add("name", "invalid_trunk_name", "Укажите название транка", "name: the name is required")
    username = fields.username.strip()
    if username and not USERNAME_RE.match(username):
        errors.add(
            "username",
            "invalid_trunk_username",
            "Имя пользователя: латинские буквы, цифры и . _ + -",
            "username: Latin letters, digits and . _ + - only",
        )
    password = fields.password
    if password is not None:
        if _has_control(password) or password != password.strip():
            errors.add(
                "password",
                "invalid_trunk_password",
                "Пароль не может содержать переводы строк и пробелы по краям",
                "password: no line breaks or leading/trailing spaces",
            )
        if not username:
            errors.add(
                "username",
                "trunk_username_required",
                "Для регистрации с паролем укажите имя пользователя",
                "username: required when the trunk has a password",
            )
    host = clean_host(fields.host)
    if host is None:
        errors.add(
            "host",
            "invalid_trunk_host",
            "Хост: IP-адрес или доменное имя",
            "host: an IPv4 address or a DNS name",
        )
    if not 1 <= fields.port <= 65535:
        errors.add("port", "invalid_trunk_port", "Порт: от 1 до 65535", "port: 1 to 65535")
    context = fields.context.strip()
    if not CONTEXT_RE.match(context):
        errors.add(
            "context",
            "invalid_trunk_context",
            "Контекст: латинские буквы, цифры, _ и -",
            "context: Latin letters, digits, _ and - only",
        )
    if fields.max_lines is not None and not 1 <= fields.max_lines <= MAX_LINES:
        errors.add(
            "max_lines",
            "invalid_trunk_max_lines",
            f"Число линий: от 1 до {MAX_LINES}",
            f"max_lines: 1 to {MAX_LINES}",
        )
    errors.raise_if_any()
    return TrunkFields(name, username, password, host or "", fields.port, context, fields.max_lines)
