"""Run the full pacing benchmark (3 scenarios x 5 modes x 20 seeds) into bench/results/pacing.json.

Usage: ``uv run python -m bench.pacing [--seeds N] [--workers N] [--out FILE]``; the same as
``uv run obzvon bench pacing --out bench/results/pacing.json``.
"""

import sys

from obzvon_cli.commands import bench


def main(argv: list[str] | None = None) -> int:
    import argparse

    parser = argparse.ArgumentParser(prog="python -m bench.pacing")
    sub = parser.add_subparsers(dest="command", required=True)
    bench.register(sub)
    args = parser.parse_args(["bench", "pacing", "--out", "bench/results/pacing.json", *(argv or [])])
    return int(args.handler(args))


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
