"""Trunk tests: the key trunk passwords are encrypted with (set only for these tests)."""

import os
from collections.abc import Iterator

import pytest
from obzvon_db.secrets import KEY_ENV, generate_key


@pytest.fixture(scope="package", autouse=True)
def secret_key() -> Iterator[str]:
    old = os.environ.get(KEY_ENV)
    key = old or generate_key()
    os.environ[KEY_ENV] = key
    yield key
    if old is None:
        os.environ.pop(KEY_ENV, None)
