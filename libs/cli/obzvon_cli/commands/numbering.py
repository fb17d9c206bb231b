"""`obzvon numbering import|update|lookup`: the Russian numbering plan registry (F-32).

- ``import [FILE...] [--tz FILE]`` loads registry CSVs into ``numbering_ranges`` (COPY, the whole table
  replaced in one transaction). Without files it takes the official ones found in
  ``$OBZVON_NUMBERING_DIR`` (default ``<repo>/../shared/numbering``); the subject → zone table
  ``region_tz.csv`` is taken from ``--tz``, beside the first file, or from that folder.
- ``update`` downloads the official files from the Минцифры portal, then imports them.
- ``lookup NUMBER...`` prints one JSON object per number: ``number`` (digits), ``found``, ``region``,
  ``timezone`` (IANA), ``utc_offset`` (``+03:00``), ``carrier``.
"""

import argparse
import asyncio
import json
import sys
from pathlib import Path

import asyncpg
from obzvon_numbering import normalize_phone, store
from obzvon_numbering.download import OFFICIAL_BASE_URL, SOURCE_PAGE, RegistryUnavailable, download_registry
from obzvon_numbering.paths import find_zone_table, registry_dir, registry_files
from obzvon_numbering.phone_errors import PhoneError
from obzvon_numbering.registry_csv import RegistryFormatError, load_records
from obzvon_platform.settings import common_settings
from sqlalchemy.engine import make_url

EXIT_BAD_INPUT = 2
EXIT_UNAVAILABLE = 3


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("numbering", help="numbering plan registry: import, update, lookup")
    commands = p.add_subparsers(dest="numbering_command", required=True)

    imp = commands.add_parser("import", help="load registry CSV files into the database")
    imp.add_argument("files", nargs="*", type=Path, help="ABC-3xx/4xx/8xx, DEF-9xx .csv files")
    imp.add_argument("--tz", type=Path, help="subject → IANA zone table (region_tz.csv)")
    imp.add_argument("--database-url", help="default: OBZVON_DATABASE_URL")
    imp.set_defaults(handler=run_import)

    upd = commands.add_parser("update", help="download the official registry files and import them")
    upd.add_argument("--base-url", default=OFFICIAL_BASE_URL, help=f"default: {OFFICIAL_BASE_URL}")
    upd.add_argument("--dest", type=Path, default=Path("var/numbering"), help="download folder")
    upd.add_argument("--tz", type=Path, help="subject → IANA zone table (region_tz.csv)")
    upd.add_argument("--timeout", type=float, default=60.0, help="seconds per request")
    upd.add_argument("--database-url", help="default: OBZVON_DATABASE_URL")
    upd.set_defaults(handler=run_update)

    look = commands.add_parser("lookup", help="region, time zone and carrier of numbers (JSON lines)")
    look.add_argument("numbers", nargs="+")
    look.add_argument("--database-url", help="default: OBZVON_DATABASE_URL")
    look.set_defaults(handler=run_lookup)


def _dsn(url: str | None) -> str:
    raw = url or common_settings().database_url
    return make_url(raw).set(drivername="postgresql").render_as_string(hide_password=False)


def _fail(message: str, code: int = EXIT_BAD_INPUT) -> int:
    print(f"error: {message}", file=sys.stderr)
    return code


async def import_files(dsn: str, files: list[Path], zone_table: Path) -> int:
    """Load ``files`` (resolved with ``zone_table``) into ``numbering_ranges``; returns the range count."""
    records = load_records(files, zone_table)
    conn = await asyncpg.connect(dsn)
    try:
        return await store.replace_ranges(conn, records)
    finally:
        await conn.close()


def _import(dsn: str, files: list[Path], tz: Path | None) -> int:
    try:
        zone_table = find_zone_table(files, tz)
        count = asyncio.run(import_files(dsn, files, zone_table))
    except (FileNotFoundError, RegistryFormatError) as exc:
        return _fail(str(exc))
    print(f"numbering ranges loaded: {count} from {', '.join(str(f) for f in files)} (zones: {zone_table})")
    print(f"source: {SOURCE_PAGE}")
    return 0


def run_import(args: argparse.Namespace) -> int:
    files: list[Path] = list(args.files)
    if not files:
        folder = registry_dir()
        if not folder.is_dir() or not (files := registry_files(folder)):
            return _fail(f"no registry files given and none found in {folder}")
    missing = [str(path) for path in files if not path.is_file()]
    if missing:
        return _fail(f"file not found: {', '.join(missing)}")
    return _import(_dsn(args.database_url), files, args.tz)


def run_update(args: argparse.Namespace) -> int:
    try:
        files = download_registry(args.dest, base_url=args.base_url, timeout=args.timeout)
    except RegistryUnavailable as exc:
        return _fail(
            f"the numbering registry could not be downloaded: {exc}. The portal ({SOURCE_PAGE}) answers only "
            "Russian IP addresses; download the CSV files another way and run "
            "`obzvon numbering import FILE...`",
            EXIT_UNAVAILABLE,
        )
    return _import(_dsn(args.database_url), files, args.tz)


async def lookup_numbers(dsn: str, numbers: list[str]) -> list[dict[str, object]]:
    """The lookup answer for each input, in order."""
    conn = await asyncpg.connect(dsn)
    try:
        answers: list[dict[str, object]] = []
        for raw in numbers:
            number = normalize_phone(raw)
            if isinstance(number, PhoneError):
                answers.append(
                    {"input": raw, "found": False, "error": number.code.value, "message": number.message_en}
                )
                continue
            info = await store.lookup(conn, number)
            answers.append(info.as_json(number) if info else {"number": number, "found": False})
        return answers
    finally:
        await conn.close()


def run_lookup(args: argparse.Namespace) -> int:
    for answer in asyncio.run(lookup_numbers(_dsn(args.database_url), list(args.numbers))):
        print(json.dumps(answer, ensure_ascii=False))
    return 0
