"""Benchmark of numbering lookups (F-32): ``uv run python -m bench.numbering_bench``.

Loads the in-memory index from the registry copy and times 1,000,000 lookups of normalised numbers
(found and unknown mixed), and the same with normalisation of written numbers first. Writes
``bench/results/numbering.json``; the target is at least 100,000 lookups per second.
"""

import argparse
import json
import random
import time
from pathlib import Path

from obzvon_numbering import NumberingIndex, normalize_phone
from obzvon_numbering.paths import registry_dir

RESULTS = Path(__file__).resolve().parent / "results"
TARGET_PER_SECOND = 100_000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--lookups", type=int, default=1_000_000)
    parser.add_argument("--out", type=Path, default=RESULTS / "numbering.json")
    args = parser.parse_args()
    folder = registry_dir()
    started = time.monotonic()
    index = NumberingIndex.from_files([folder / "DEF-9xx.csv"], folder / "region_tz.csv")
    build_seconds = time.monotonic() - started
    rng = random.Random(32)
    numbers = [f"7{rng.randrange(9_000_000_000, 10_000_000_000)}" for _ in range(args.lookups)]
    written = [f"8 ({n[1:4]}) {n[4:7]}-{n[7:9]}-{n[9:]}" for n in numbers]

    lookup = index.lookup
    started = time.perf_counter()
    found = sum(1 for number in numbers if lookup(number) is not None)
    lookup_seconds = time.perf_counter() - started

    started = time.perf_counter()
    for text in written:
        number = normalize_phone(text)
        if isinstance(number, str):
            lookup(number)
    both_seconds = time.perf_counter() - started

    result = {
        "benchmark": "numbering index lookups (DEF-9xx)",
        "ranges": len(index),
        "index_build_seconds": round(build_seconds, 3),
        "lookups": args.lookups,
        "found": found,
        "lookups_per_second": round(args.lookups / lookup_seconds),
        "normalise_and_lookup_per_second": round(args.lookups / both_seconds),
        "target_per_second": TARGET_PER_SECOND,
        "meets_target": args.lookups / lookup_seconds >= TARGET_PER_SECOND,
        "measured_at": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(result, ensure_ascii=False, indent=2))


if __name__ == "__main__":
    main()
