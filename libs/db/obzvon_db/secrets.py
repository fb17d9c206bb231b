"""AES-256-GCM encryption of secrets at rest (trunk passwords, integration credentials).

The ciphertext layout is ``nonce (12 bytes) || AESGCM(ciphertext + 16-byte tag)``; the row id is the
associated data, so a ciphertext copied to another row does not decrypt. The key (32 bytes, urlsafe
base64) comes from ``OBZVON_SECRET_KEY`` or from the file named by ``OBZVON_SECRET_KEY_FILE``.
"""

import base64
import binascii
import os
import uuid
from pathlib import Path

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

KEY_ENV = "OBZVON_SECRET_KEY"
KEY_FILE_ENV = "OBZVON_SECRET_KEY_FILE"
NONCE_SIZE = 12
KEY_SIZE = 32


class SecretKeyError(RuntimeError):
    """The encryption key is missing or malformed."""


class DecryptionError(ValueError):
    """The ciphertext was tampered with, or the key or the associated data is wrong."""


def generate_key() -> str:
    """A new random key in the urlsafe base64 form expected by ``OBZVON_SECRET_KEY``."""
    return base64.urlsafe_b64encode(AESGCM.generate_key(bit_length=256)).decode("ascii")


def parse_key(encoded: str) -> bytes:
    """Decode a urlsafe base64 key and check that it is 32 bytes long."""
    try:
        key = base64.urlsafe_b64decode(encoded.strip().encode("ascii"))
    except (binascii.Error, ValueError, UnicodeEncodeError) as exc:
        raise SecretKeyError("the secret key is not valid urlsafe base64") from exc
    if len(key) != KEY_SIZE:
        raise SecretKeyError(f"the secret key must be {KEY_SIZE} bytes, got {len(key)}")
    return key


def load_key() -> bytes:
    """Read the key from ``OBZVON_SECRET_KEY`` or from the file named by ``OBZVON_SECRET_KEY_FILE``."""
    value = os.environ.get(KEY_ENV)
    if value:
        return parse_key(value)
    path = os.environ.get(KEY_FILE_ENV)
    if path:
        try:
            return parse_key(Path(path).read_text(encoding="ascii"))
        except OSError as exc:
            raise SecretKeyError(f"cannot read the secret key file {path}: {exc.strerror}") from exc
    raise SecretKeyError(
        f"no encryption key: set {KEY_ENV} (urlsafe base64 of 32 random bytes, "
        f"e.g. from `obzvon_db.secrets.generate_key()`) or {KEY_FILE_ENV} (a file holding it)"
    )


def _aad(aad: uuid.UUID | bytes | str) -> bytes:
    if isinstance(aad, uuid.UUID):
        return aad.bytes
    if isinstance(aad, str):
        return aad.encode("utf-8")
    return aad


def encrypt(plaintext: str, aad: uuid.UUID | bytes | str, key: bytes | None = None) -> bytes:
    """Encrypt ``plaintext`` bound to ``aad`` (the row id); ``key`` defaults to ``load_key()``."""
    nonce = os.urandom(NONCE_SIZE)
    sealed = AESGCM(key if key is not None else load_key()).encrypt(
        nonce, plaintext.encode("utf-8"), _aad(aad)
    )
    return nonce + sealed


def decrypt(ciphertext: bytes, aad: uuid.UUID | bytes | str, key: bytes | None = None) -> str:
    """Decrypt a value produced by ``encrypt`` with the same ``aad``; raises ``DecryptionError``."""
    if len(ciphertext) < NONCE_SIZE + 16:
        raise DecryptionError("ciphertext is too short")
    nonce, sealed = ciphertext[:NONCE_SIZE], ciphertext[NONCE_SIZE:]
    try:
        plain = AESGCM(key if key is not None else load_key()).decrypt(nonce, sealed, _aad(aad))
    except InvalidTag as exc:
        raise DecryptionError("cannot decrypt: wrong key, wrong row or tampered data") from exc
    return plain.decode("utf-8")


def rotate(old_key: bytes, new_key: bytes, ciphertext: bytes, aad: uuid.UUID | bytes | str) -> bytes:
    """Re-encrypt ``ciphertext`` from ``old_key`` to ``new_key`` (fresh nonce, same AAD)."""
    return encrypt(decrypt(ciphertext, aad, key=old_key), aad, key=new_key)
