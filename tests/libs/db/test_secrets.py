"""Secrets at rest (F-13, F-28): AES-256-GCM bound to the row id."""

import uuid
from pathlib import Path

import pytest
from obzvon_db import secrets as obzvon_secrets
from obzvon_db.secrets import (
    DecryptionError,
    SecretKeyError,
    decrypt,
    encrypt,
    generate_key,
    parse_key,
    rotate,
)

PASSWORD = "trunk-password-Сложный-42"


@pytest.fixture
def key() -> bytes:
    return parse_key(generate_key())


def test_round_trip(key: bytes) -> None:
    row_id = uuid.uuid4()
    assert decrypt(encrypt(PASSWORD, row_id, key=key), row_id, key=key) == PASSWORD


def test_each_encryption_uses_a_fresh_nonce(key: bytes) -> None:
    row_id = uuid.uuid4()
    assert encrypt(PASSWORD, row_id, key=key) != encrypt(PASSWORD, row_id, key=key)


def test_ciphertext_contains_no_plaintext(key: bytes) -> None:
    ciphertext = encrypt(PASSWORD, uuid.uuid4(), key=key)
    assert PASSWORD.encode() not in ciphertext
    assert b"trunk-password" not in ciphertext


def test_wrong_row_id_fails(key: bytes) -> None:
    """A ciphertext copied into another row does not decrypt."""
    ciphertext = encrypt(PASSWORD, uuid.uuid4(), key=key)
    with pytest.raises(DecryptionError):
        decrypt(ciphertext, uuid.uuid4(), key=key)


def test_wrong_key_and_tampering_fail(key: bytes) -> None:
    row_id = uuid.uuid4()
    ciphertext = encrypt(PASSWORD, row_id, key=key)
    with pytest.raises(DecryptionError):
        decrypt(ciphertext, row_id, key=parse_key(generate_key()))
    tampered = ciphertext[:-1] + bytes([ciphertext[-1] ^ 1])
    with pytest.raises(DecryptionError):
        decrypt(tampered, row_id, key=key)
    with pytest.raises(DecryptionError):
        decrypt(b"short", row_id, key=key)


def test_rotate_re_encrypts_under_the_new_key(key: bytes) -> None:
    row_id = uuid.uuid4()
    new_key = parse_key(generate_key())
    rotated = rotate(key, new_key, encrypt(PASSWORD, row_id, key=key), row_id)
    assert decrypt(rotated, row_id, key=new_key) == PASSWORD
    with pytest.raises(DecryptionError):
        decrypt(rotated, row_id, key=key)


def test_key_from_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    encoded = generate_key()
    monkeypatch.setenv(obzvon_secrets.KEY_ENV, encoded)
    monkeypatch.delenv(obzvon_secrets.KEY_FILE_ENV, raising=False)
    row_id = uuid.uuid4()
    assert decrypt(encrypt(PASSWORD, row_id), row_id, key=parse_key(encoded)) == PASSWORD


def test_key_from_file(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    encoded = generate_key()
    key_file = tmp_path / "secret.key"
    key_file.write_text(encoded + "\n")
    monkeypatch.delenv(obzvon_secrets.KEY_ENV, raising=False)
    monkeypatch.setenv(obzvon_secrets.KEY_FILE_ENV, str(key_file))
    assert obzvon_secrets.load_key() == parse_key(encoded)


def test_missing_key_gives_a_clear_error(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv(obzvon_secrets.KEY_ENV, raising=False)
    monkeypatch.delenv(obzvon_secrets.KEY_FILE_ENV, raising=False)
    with pytest.raises(SecretKeyError, match="OBZVON_SECRET_KEY"):
        encrypt(PASSWORD, uuid.uuid4())
    monkeypatch.setenv(obzvon_secrets.KEY_FILE_ENV, str(tmp_path / "absent.key"))
    with pytest.raises(SecretKeyError, match="cannot read"):
        obzvon_secrets.load_key()


@pytest.mark.parametrize("bad", ["not base64 !!", "c2hvcnQ="])
def test_malformed_key_is_rejected(bad: str) -> None:
    with pytest.raises(SecretKeyError):
        parse_key(bad)
