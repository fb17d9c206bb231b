"""Entry point: `python -m obzvon_integrations`."""

from obzvon_platform.serve import run_service

from obzvon_integrations.main import create_app
from obzvon_integrations.settings import IntegrationsHttpSettings


def main() -> None:
    run_service(create_app, IntegrationsHttpSettings())


if __name__ == "__main__":
    main()
