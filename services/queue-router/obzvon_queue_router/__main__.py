"""Entry point: `python -m obzvon_queue_router`."""

from obzvon_platform.serve import run_service

from obzvon_queue_router.main import create_app
from obzvon_queue_router.settings import QueueRouterHttpSettings


def main() -> None:
    run_service(create_app, QueueRouterHttpSettings())


if __name__ == "__main__":
    main()
