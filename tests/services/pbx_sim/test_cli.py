"""`obzvon pbx-sim` / `python -m obzvon_pbx_sim` (the telephony of `make run`)."""

from __future__ import annotations

import asyncio
import re
import signal
import sys

import pytest
from obzvon_pbx_sim.cli import build_parser, config_from_args, main
from obzvon_pbx_sim.config import OperatorMode, RulesKind


def test_user_and_secret_are_required(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("OBZVON_PBX_SIM_SECRET", raising=False)
    monkeypatch.delenv("OBZVON_PBX_SIM_USER", raising=False)
    with pytest.raises(SystemExit) as exit_info:
        main(["--user", "crm"])
    assert exit_info.value.code == 2


def test_arguments_become_the_config() -> None:
    args = build_parser().parse_args(
        [
            "--user=crm",
            "--secret=x",
            "--rules=last-digit",
            "--seed=3",
            "--time-scale=0.1",
            "--operators=101-103,200",
            "--operator-mode=never",
            "--p-busy=0.5",
            "--control-port=0",
        ]
    )
    config = config_from_args(args)
    assert config.rules is RulesKind.LAST_DIGIT and config.seed == 3 and config.time_scale == 0.1
    assert config.operators == ["101", "102", "103", "200"]
    assert config.operator_mode is OperatorMode.NEVER and config.model.p_busy == 0.5
    assert config.control_port == 0


async def test_module_runs_until_sigterm() -> None:
    process = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "obzvon_pbx_sim",
        "--port=0",
        "--user=crm",
        "--secret=s3cret",
        "--rules=last-digit",
        stderr=asyncio.subprocess.PIPE,
    )
    assert process.stderr is not None
    try:
        port = None
        while port is None:
            line = (await asyncio.wait_for(process.stderr.readline(), 20)).decode()
            assert line, "the simulator exited before it was ready"
            match = re.search(r"pbx-sim ready: AMI 127\.0\.0\.1:(\d+)", line)
            port = int(match.group(1)) if match else None
        reader, writer = await asyncio.open_connection("127.0.0.1", port)
        assert await reader.readline() == b"Asterisk Call Manager/9.0.0\r\n"
        writer.close()
    finally:
        process.send_signal(signal.SIGTERM)
        assert await asyncio.wait_for(process.wait(), 10) == 0
