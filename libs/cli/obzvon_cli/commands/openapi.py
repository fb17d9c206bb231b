"""`obzvon openapi`: write the api-gateway's OpenAPI document, the source of the SPA's typed client."""

import argparse
import json
import sys
from pathlib import Path
from typing import Any


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("openapi", help="dump the api-gateway OpenAPI document")
    p.add_argument("--out", type=Path, help="write to this file instead of stdout")
    p.set_defaults(handler=run)


def document() -> dict[str, Any]:
    from obzvon_gateway.main import create_app

    return create_app().openapi()


def run(args: argparse.Namespace) -> int:
    text = json.dumps(document(), ensure_ascii=False, indent=2, sort_keys=True) + "\n"
    if args.out:
        args.out.write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)
    return 0
