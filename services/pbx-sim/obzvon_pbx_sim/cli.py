"""`obzvon pbx-sim` / `python -m obzvon_pbx_sim`: run a simulated Asterisk until interrupted."""

from __future__ import annotations

import argparse
import asyncio
import logging
import os
import signal
import sys
from pathlib import Path

from obzvon_pbx_sim.config import ModelParams, OperatorMode, RulesKind, SimConfig
from obzvon_pbx_sim.sim import PbxSim


def _extensions(text: str) -> list[str]:
    """`101,102,110-115` → every extension named."""
    result: list[str] = []
    for part in filter(None, (item.strip() for item in text.split(","))):
        first, sep, last = part.partition("-")
        if sep and first.isdigit() and last.isdigit():
            result.extend(str(number) for number in range(int(first), int(last) + 1))
        else:
            result.append(part)
    return result


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="obzvon pbx-sim", description="Simulated Asterisk 20 speaking AMI.")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=5038)
    parser.add_argument("--user", default=os.environ.get("OBZVON_PBX_SIM_USER", ""), help="AMI username")
    parser.add_argument("--secret", default=os.environ.get("OBZVON_PBX_SIM_SECRET", ""), help="AMI secret")
    parser.add_argument("--rules", choices=[kind.value for kind in RulesKind], default=RulesKind.MODEL.value)
    parser.add_argument("--seed", type=int, default=None)
    parser.add_argument("--time-scale", type=float, default=1.0, help="0.1 runs calls ten times faster")
    parser.add_argument("--control-port", type=int, default=None, help="HTTP control API port (loopback)")
    parser.add_argument("--control-host", default="127.0.0.1")
    parser.add_argument("--recordings-dir", type=Path, default=None)
    parser.add_argument("--operators", default="", help="operator extensions, e.g. 101-110,200")
    parser.add_argument("--operator-mode", choices=[mode.value for mode in OperatorMode], default="auto")
    parser.add_argument("--operator-answer-delay", type=float, default=2.0)
    parser.add_argument("--strict-endpoints", action="store_true", help="unknown endpoints cannot be dialed")
    parser.add_argument("--amd-seconds", type=float, default=2.0)
    parser.add_argument("--log-level", default="INFO")
    model = parser.add_argument_group("outcome model")
    defaults = ModelParams()
    for name, value in vars(defaults).items():
        model.add_argument(f"--{name.replace('_', '-')}", type=float, default=value)
    return parser


def config_from_args(args: argparse.Namespace) -> SimConfig:
    model = ModelParams(**{name: getattr(args, name) for name in vars(ModelParams())})
    return SimConfig(
        username=args.user,
        secret=args.secret,
        host=args.host,
        port=args.port,
        rules=RulesKind(args.rules),
        seed=args.seed,
        control_host=args.control_host,
        control_port=args.control_port,
        recordings_dir=args.recordings_dir,
        time_scale=args.time_scale,
        model=model,
        operators=_extensions(args.operators),
        operator_mode=OperatorMode(args.operator_mode),
        operator_answer_delay=args.operator_answer_delay,
        auto_create_endpoints=not args.strict_endpoints,
        amd_seconds=args.amd_seconds,
    )


async def serve(config: SimConfig) -> None:
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    if sys.platform != "win32":  # the Windows event loops have no Unix signal handlers
        for sig in (signal.SIGINT, signal.SIGTERM):
            loop.add_signal_handler(sig, stop.set)
    async with PbxSim(config) as sim:
        logging.getLogger(__name__).info(
            "pbx-sim ready: AMI %s:%s, control port %s", config.host, sim.ami_port, sim.control_port
        )
        await stop.wait()


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not args.user or not args.secret:
        parser.error("--user and --secret (or OBZVON_PBX_SIM_USER / OBZVON_PBX_SIM_SECRET) are required")
    logging.basicConfig(level=args.log_level.upper(), format="%(asctime)s %(levelname)s %(name)s %(message)s")
    try:
        config = config_from_args(args)
    except ValueError as exc:
        parser.error(str(exc))
    asyncio.run(serve(config))
    return 0
