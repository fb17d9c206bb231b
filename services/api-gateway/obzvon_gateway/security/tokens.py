"""Random secrets and their stored form: only a SHA-256 of a session id or API token is ever kept."""

import hashlib
import hmac
import secrets

API_TOKEN_PREFIX = "obz_"  # noqa: S105 - a public prefix, not a secret


def new_secret() -> str:
    """A URL-safe random secret of 256 bits."""
    return secrets.token_urlsafe(32)


def sha256_hex(value: str) -> str:
    return hashlib.sha256(value.encode()).hexdigest()


def same_secret(a: str | None, b: str | None) -> bool:
    """Constant-time comparison; a missing value never matches."""
    if not a or not b:
        return False
    return hmac.compare_digest(a.encode(), b.encode())


def new_api_token() -> str:
    return API_TOKEN_PREFIX + new_secret()
