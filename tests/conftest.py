"""Root test configuration: every suite gets its own database, vhost and Redis key prefix."""

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
