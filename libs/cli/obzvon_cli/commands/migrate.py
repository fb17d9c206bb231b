"""`obzvon migrate`: bring the database schema to a revision (head by default), or back down."""

import argparse

from obzvon_db import migrate as migrations
from obzvon_platform.settings import common_settings


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("migrate", help="apply database migrations")
    p.add_argument("--revision", default="head", help="target revision (default: head)")
    p.add_argument("--down", action="store_true", help="downgrade to --revision instead of upgrading")
    p.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    url = common_settings().database_url
    if args.down:
        migrations.downgrade(url, args.revision)
    else:
        migrations.upgrade(url, args.revision)
    print(f"database at {migrations.current(url)}")
    return 0
