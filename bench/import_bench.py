"""Benchmark of a contact base upload (F-30/F-35): ``uv run python -m bench.import_bench [--rows N]``.

Generates (once, cached in ``bench/.cache/``) a 1,000,000-row .xlsx, then runs the whole upload path —
safety checks, calamine parse, normalisation, enrichment from the numbering registry, dedupe, COPY and
the set-based insert — into a fresh migrated database, and writes ``bench/results/import.json``
(rows/s, elapsed, peak RSS). Targets on a 2-core machine: under 60 s and 1.5 GB.
"""

import argparse
import asyncio
import json
import os
import platform
import resource
import subprocess
import sys
import time
from pathlib import Path

import asyncpg
from obzvon_contact_files.imports import DEFAULT_LIMITS, ImportProgress, UploadLimits, import_base
from obzvon_numbering import store
from obzvon_numbering.paths import registry_dir
from obzvon_numbering.registry_csv import load_records
from sqlalchemy.engine import make_url

from tests.fixtures.database import create_test_database, drop_test_database

BENCH_DIR = Path(__file__).resolve().parent
CACHE = BENCH_DIR / ".cache"
RESULTS = BENCH_DIR / "results"
TARGET_SECONDS = 60.0
TARGET_RSS_MB = 1536.0


def peak_rss_mb(who: int) -> float:
    return resource.getrusage(who).ru_maxrss / 1024  # kilobytes on Linux


def backend_cpu_seconds(pid: int) -> float | None:
    """CPU time of a PostgreSQL backend on this machine (None when /proc is not readable)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return None
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def ensure_file(rows: int) -> Path:
    path = CACHE / f"base-{rows}.xlsx"
    if not path.exists():
        print(f"generating {path} …", flush=True)
        subprocess.run([sys.executable, "-m", "bench.generate_base", str(rows), str(path)], check=True)  # noqa: S603
    return path


async def run(rows: int, chunk_rows: int, limits: UploadLimits, tags: list[str]) -> dict[str, object]:
    path = ensure_file(rows)
    url = await create_test_database("obzvon_bench")
    try:
        conn = await asyncpg.connect(make_url(url).set(drivername="postgresql").render_as_string(False))
        try:
            folder = registry_dir()
            await store.replace_ranges(conn, load_records([folder / "DEF-9xx.csv"], folder / "region_tz.csv"))
            index = await store.load_index(conn)
            project_id = await conn.fetchval("INSERT INTO projects (name) VALUES ('Бенчмарк') RETURNING id")
            marks: list[tuple[float, int]] = []
            backend = await conn.fetchval("SELECT pg_backend_pid()")
            backend_before = backend_cpu_seconds(backend)
            load_before = os.getloadavg()
            cpu_before = resource.getrusage(resource.RUSAGE_SELF)
            started = time.monotonic()

            def progress(state: ImportProgress) -> None:
                marks.append((time.monotonic() - started, state.processed))

            report = await import_base(
                conn, project_id=project_id, path=path, filename=path.name, tags=tags,
                numbering_index=index, progress=progress, chunk_rows=chunk_rows, limits=limits,
            )  # fmt: skip
            elapsed = time.monotonic() - started
            cpu_after = resource.getrusage(resource.RUSAGE_SELF)
            backend_after = backend_cpu_seconds(backend)
            stored = await conn.fetchval("SELECT count(*) FROM contacts WHERE project_id = $1", project_id)
        finally:
            await conn.close()
    finally:
        await drop_test_database(url)
    assert report.ok, report.file_error
    rss = peak_rss_mb(resource.RUSAGE_SELF)
    return {
        "benchmark": "contact base import (xlsx → contacts)",
        "rows": report.total_rows,
        "file_bytes": path.stat().st_size,
        "imported_rows": report.imported_rows,
        "stored_rows": stored,
        "rejected_rows": report.rejected_rows,
        "duplicate_rows": report.duplicate_rows,
        "elapsed_seconds": round(elapsed, 2),
        "rows_per_second": round(report.total_rows / elapsed),
        "first_chunk_loaded_at_seconds": round(marks[0][0], 2) if marks else None,
        "process_cpu_seconds": round(
            (cpu_after.ru_utime - cpu_before.ru_utime) + (cpu_after.ru_stime - cpu_before.ru_stime), 2
        ),
        "postgres_backend_cpu_seconds": (
            round(backend_after - backend_before, 2)
            if backend_after is not None and backend_before is not None
            else None
        ),
        "tags": tags,
        "peak_rss_mb": round(rss, 1),
        "children_peak_rss_mb": round(peak_rss_mb(resource.RUSAGE_CHILDREN), 1),
        "chunk_rows": chunk_rows,
        "upload_limits_are_the_defaults": limits == DEFAULT_LIMITS,
        "load_average_before": [round(value, 2) for value in load_before],
        "cpus": os.cpu_count(),
        "python": platform.python_version(),
        "target_seconds": TARGET_SECONDS,
        "target_rss_mb": TARGET_RSS_MB,
        "meets_targets": elapsed < TARGET_SECONDS and rss < TARGET_RSS_MB,
        "measured_at": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--chunk-rows", type=int, default=50_000)
    parser.add_argument("--tag", action="append", default=[], help="tag the base and its contacts")
    parser.add_argument("--max-uncompressed-mb", type=int, help="raise the upload cap (default: product's)")
    parser.add_argument("--out", type=Path, default=RESULTS / "import.json")
    args = parser.parse_args()
    limits = DEFAULT_LIMITS
    if args.max_uncompressed_mb:
        limits = UploadLimits(max_uncompressed_bytes=args.max_uncompressed_mb * 2**20)
    result = asyncio.run(run(args.rows, args.chunk_rows, limits, args.tag))
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(result, ensure_ascii=False, indent=2))


if __name__ == "__main__":
    main()
