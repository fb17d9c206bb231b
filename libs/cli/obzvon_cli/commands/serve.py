"""`obzvon serve SERVICE`: run one of the five services in the foreground."""

import argparse
import importlib

SERVICES = {
    "api-gateway": "obzvon_gateway",
    "dialer": "obzvon_dialer",
    "queue-router": "obzvon_queue_router",
    "reporting": "obzvon_reporting",
    "integrations": "obzvon_integrations",
}


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("serve", help="run a service")
    p.add_argument("service", choices=sorted(SERVICES))
    p.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    importlib.import_module(f"{SERVICES[args.service]}.__main__").main()
    return 0
