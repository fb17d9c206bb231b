"""`obzvon`: one command line for operating the product.

Each sub-command lives in its own module under `obzvon_cli.commands` and registers itself here.
"""

import argparse
import sys
from collections.abc import Sequence

from obzvon_cli.commands import accounts, bench, demo, migrate, numbering, openapi, pbx_sim, serve, stack

COMMANDS = (migrate, accounts, demo, numbering, serve, pbx_sim, openapi, stack, bench)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="obzvon", description="Obzvon call-centre CRM and dialer")
    sub = parser.add_subparsers(dest="command", required=True)
    for module in COMMANDS:
        module.register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    # pbx-sim owns its own argument parser: hand it everything after the sub-command.
    if args_list[:1] == ["pbx-sim"]:
        return pbx_sim.run(args_list[1:])
    args = build_parser().parse_args(args_list)
    return int(args.handler(args) or 0)


if __name__ == "__main__":
    sys.exit(main())
