"""Entry point: `python -m obzvon_reporting`."""

from obzvon_platform.serve import run_service

from obzvon_reporting.main import create_app
from obzvon_reporting.settings import ReportingHttpSettings


def main() -> None:
    run_service(create_app, ReportingHttpSettings())


if __name__ == "__main__":
    main()
