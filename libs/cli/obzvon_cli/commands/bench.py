"""`obzvon bench pacing`: the dial-pacing benchmark (F-82, pacing.md §6).

Without scenario options it runs the three reference scenarios (small: 5 operators at answer rate
0.20, big: 50 at 0.30, poor: 20 at 0.05) with every mode; ``--agents``/``--answer-rate``/... describe
one custom scenario instead. ``--json`` prints the JSON report, ``--out FILE`` writes it.
"""

import argparse
import json
import sys
from pathlib import Path
from typing import Any

ALL_MODES = ("progressive", "fixed_ratio", "vicidial_adaptive", "predictive", "oracle")


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("bench", help="benchmarks")
    commands = p.add_subparsers(dest="bench_command", required=True)
    pace = commands.add_parser("pacing", help="simulate a call centre under each dial mode")
    pace.add_argument("--scenario", choices=("small", "big", "poor", "all"), default="all")
    pace.add_argument("--agents", type=int, help="operators logged in (a custom scenario)")
    pace.add_argument("--answer-rate", type=float, help="share of dials a person answers")
    pace.add_argument("--talk-mean", type=float, help="mean conversation, seconds (default 120)")
    pace.add_argument("--wrap", type=float, help="mean wrap-up, seconds (default 15)")
    pace.add_argument("--ring-mean", type=float, help="mean time to answer, seconds (default 12)")
    pace.add_argument("--hours", type=float, help="shift length (default 8)")
    pace.add_argument("--seeds", type=int, default=20)
    pace.add_argument("--mode", choices=(*ALL_MODES, "all"), default="all")
    pace.add_argument("--workers", type=int, default=2)
    pace.add_argument("--json", action="store_true", help="print the JSON report")
    pace.add_argument("--out", type=Path, help="write the JSON report to this file")
    pace.set_defaults(handler=run_pacing)


def _scenarios(args: argparse.Namespace) -> dict[str, Any]:
    from obzvon_dialer.pacing.simulation.scenario import SCENARIOS, Scenario

    changes: dict[str, float] = {}
    for option, field in (
        ("talk_mean", "talk_mean_s"),
        ("wrap", "wrap_mean_s"),
        ("ring_mean", "ring_mean_s"),
        ("hours", "hours"),
    ):
        if getattr(args, option) is not None:
            changes[field] = getattr(args, option)
    if args.agents is not None or args.answer_rate is not None:
        custom = Scenario("custom", agents=args.agents or 10, p_live=args.answer_rate or 0.2)
        return {"custom": custom.replace(**changes)}
    chosen = SCENARIOS if args.scenario == "all" else {args.scenario: SCENARIOS[args.scenario]}
    return {name: sc.replace(**changes) for name, sc in chosen.items()}


def _table(report: dict[str, Any]) -> str:
    lines = [
        f"{'scenario':9} {'mode':18} {'occup.':>7} {'abandon':>8} {'worst':>7} {'talk/h':>7} {'lines':>6}"
    ]
    for name, result in report["scenarios"].items():
        for mode, f in result["modes"].items():
            abandon, worst = f["abandon_rate"] * 100, f["abandon_worst_seed"] * 100
            lines.append(
                f"{name:9} {mode:18} {f['occupancy']:7.3f} {abandon:7.2f}% {worst:6.2f}% "
                f"{f['talk_min_per_operator_hour']:7.1f} {f['max_lines']:6d}"
            )
    return "\n".join(lines)


def run_pacing(args: argparse.Namespace) -> int:
    from obzvon_dialer.pacing.simulation.bench import run_benchmark

    if args.seeds < 1 or args.workers < 1:
        print("error: --seeds and --workers must be at least 1", file=sys.stderr)
        return 2
    modes = ALL_MODES if args.mode == "all" else (args.mode,)
    report = run_benchmark(_scenarios(args), modes, seeds=args.seeds, workers=args.workers)
    text = json.dumps(report, ensure_ascii=False, indent=2) + "\n"
    if args.out:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(text, encoding="utf-8")
    sys.stdout.write(text if args.json else _table(report) + "\n")
    return 0
