"""Root test configuration: every suite gets its own database, vhost and Redis key prefix."""

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

pytest_plugins = [
    "tests.fixtures.database",
    "tests.fixtures.rabbitmq",
    "tests.fixtures.redis",
]


@pytest.fixture(scope="session", autouse=True)
def generated_pbx_config_dir(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """The dialer writes Asterisk's generated PJSIP files here during tests, never under /etc/asterisk."""
    path = tmp_path_factory.mktemp("asterisk-obzvon")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("OBZVON_DIALER_PBX_CONFIG_DIR", str(path))
        yield path


@pytest.fixture(scope="session", autouse=True)
def secret_key() -> Iterator[str]:
    """One encryption key for secrets at rest in the whole run (OBZVON_SECRET_KEY unless already set)."""
    from obzvon_db.secrets import KEY_ENV, generate_key

    with pytest.MonkeyPatch.context() as patch:
        key = os.environ.get(KEY_ENV) or generate_key()
        patch.setenv(KEY_ENV, key)
        yield key
