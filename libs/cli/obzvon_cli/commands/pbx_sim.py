"""`obzvon pbx-sim ...`: the Asterisk stand-in speaking AMI (arguments belong to pbx-sim itself)."""

import argparse
from collections.abc import Sequence


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "pbx-sim", help="run the AMI simulator (see services/pbx-sim/README.md)", add_help=False
    )
    p.set_defaults(handler=lambda args: run([]))


def run(argv: Sequence[str]) -> int:
    from obzvon_pbx_sim.cli import main

    return main(list(argv))
