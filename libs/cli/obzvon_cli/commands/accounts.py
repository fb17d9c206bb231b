"""`obzvon create-admin`: the first administrator. There is no default account or password anywhere."""

import argparse
import asyncio
import getpass
import sys

from obzvon_db.session import create_engine, create_sessionmaker
from obzvon_platform.settings import common_settings


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("create-admin", help="create an administrator account")
    p.add_argument("--email", required=True)
    p.add_argument("--full-name", default="Администратор")
    p.add_argument("--password-stdin", action="store_true", help="read the password from standard input")
    p.set_defaults(handler=run)


def read_password(from_stdin: bool) -> str:
    if from_stdin:
        return sys.stdin.readline().rstrip("\n")
    first = getpass.getpass("Password: ")
    if first != getpass.getpass("Repeat password: "):
        raise SystemExit("passwords do not match")
    return first


async def create_admin(email: str, full_name: str, password: str) -> None:
    from obzvon_gateway.users.service import create_user

    engine = create_engine(common_settings().database_url)
    try:
        async with create_sessionmaker(engine)() as session:
            await create_user(session, email=email, password=password, full_name=full_name, role="admin")
            await session.commit()
    finally:
        await engine.dispose()


def run(args: argparse.Namespace) -> int:
    from obzvon_platform.problem import Problem

    try:
        asyncio.run(create_admin(args.email, args.full_name, read_password(args.password_stdin)))
    except Problem as exc:
        print(f"error: {exc.en}", file=sys.stderr)
        return 2
    print(f"administrator {args.email} created")
    return 0
