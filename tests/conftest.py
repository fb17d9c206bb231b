"""Root test configuration: every suite gets its own database, vhost and Redis key prefix."""

pytest_plugins = [
    "tests.fixtures.database",
    "tests.fixtures.rabbitmq",
    "tests.fixtures.redis",
]
