"""`obzvon numbering import|lookup|update` (F-32)."""

import argparse
import json
import socket
from collections.abc import AsyncIterator
from pathlib import Path

import asyncpg
import pytest
from obzvon_cli.commands import numbering
from sqlalchemy.engine import make_url


def run(*argv: str) -> int:
    parser = argparse.ArgumentParser()
    numbering.register(parser.add_subparsers(dest="command", required=True))
    args = parser.parse_args(["numbering", *argv])
    return int(args.handler(args))


@pytest.fixture
async def clean_ranges(database_url: str) -> AsyncIterator[None]:
    yield
    conn = await asyncpg.connect(make_url(database_url).set(drivername="postgresql").render_as_string(False))
    await conn.execute("DELETE FROM numbering_ranges")
    await conn.close()


def test_import_and_lookup(
    database_url: str, numbering_dir: Path, clean_ranges: None, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run("import", str(numbering_dir / "DEF-9xx.csv"), "--database-url", database_url) == 0
    assert "17" in capsys.readouterr().out
    assert run("lookup", "8 (922) 871-13-45", "79400000000", "112", "--database-url", database_url) == 0
    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert lines[0] == {
        "number": "79228711345",
        "found": True,
        "region": "Оренбургская обл.",
        "timezone": "Asia/Yekaterinburg",
        "utc_offset": "+05:00",
        "carrier": "ПАО «МегаФон»",
        "inn": "7812014560",
    }
    assert lines[1] == {"number": "79400000000", "found": False}
    assert lines[2]["found"] is False and lines[2]["error"] == "emergency"


def test_import_without_files_uses_the_registry_folder(
    database_url: str, numbering_dir: Path, clean_ranges: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("OBZVON_NUMBERING_DIR", str(numbering_dir))
    assert run("import", "--database-url", database_url) == 0


def test_import_reports_missing_files(
    database_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run("import", str(tmp_path / "nope.csv"), "--database-url", database_url) != 0
    assert "not found" in capsys.readouterr().err


def test_update_fails_clearly_when_the_portal_is_unreachable(
    database_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with socket.socket() as probe:  # a loopback port nobody listens on: the connection is refused
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    code = run(
        "update",
        "--base-url",
        f"http://127.0.0.1:{port}/",
        "--dest",
        str(tmp_path),
        "--database-url",
        database_url,
    )
    assert code == numbering.EXIT_UNAVAILABLE
    err = capsys.readouterr().err
    assert "could not be downloaded" in err and "ConnectError" in err and "obzvon numbering import" in err
    assert list(tmp_path.iterdir()) == []
