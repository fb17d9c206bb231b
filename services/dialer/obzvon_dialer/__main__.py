"""Entry point: `python -m obzvon_dialer`."""

from obzvon_platform.serve import run_service

from obzvon_dialer.main import create_app
from obzvon_dialer.settings import DialerHttpSettings


def main() -> None:
    run_service(create_app, DialerHttpSettings())


if __name__ == "__main__":
    main()
