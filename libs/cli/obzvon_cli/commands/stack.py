"""`obzvon dev-stack`: pbx-sim and the five services as child processes, for `make run`.

It waits until every service answers `/readyz`, prints where to open the product and the demo logins,
and stops everything on Ctrl-C or as soon as one process dies.
"""

import argparse
import os
import secrets
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from obzvon_cli.commands.demo import credentials_text

SERVICES = [
    ("api-gateway", "obzvon_gateway", 8000),
    ("dialer", "obzvon_dialer", 8001),
    ("queue-router", "obzvon_queue_router", 8002),
    ("reporting", "obzvon_reporting", 8003),
    ("integrations", "obzvon_integrations", 8004),
]


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("dev-stack", help="run pbx-sim and every service locally (make run)")
    p.add_argument("--var", type=Path, default=Path("var"), help="folder for logs and recordings")
    p.add_argument("--ami-port", type=int, default=5038)
    p.add_argument("--pbx-control-port", type=int, default=8088)
    p.set_defaults(handler=run)


def wait_ready(url: str, proc: subprocess.Popen[bytes], timeout: float = 60.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise SystemExit(f"process for {url} exited with {proc.returncode}; see its log")
        try:
            with urllib.request.urlopen(url, timeout=2) as resp:  # noqa: S310 - loopback URL built here
                if resp.status == 200:
                    return
        except OSError:
            pass
        time.sleep(0.3)
    raise SystemExit(f"{url} did not become ready in {timeout:.0f} s")


def start(name: str, cmd: list[str], env: dict[str, str], logs: Path) -> subprocess.Popen[bytes]:
    log = (logs / f"{name}.log").open("ab")
    return subprocess.Popen(cmd, env=env, stdout=log, stderr=subprocess.STDOUT)  # noqa: S603


def run(args: argparse.Namespace) -> int:
    logs = args.var / "log"
    logs.mkdir(parents=True, exist_ok=True)
    env = dict(os.environ)
    ami_secret = secrets.token_urlsafe(16)
    env.update(
        OBZVON_DIALER_AMI_HOST="127.0.0.1",
        OBZVON_DIALER_AMI_PORT=str(args.ami_port),
        OBZVON_DIALER_AMI_USER="obzvon",
        OBZVON_DIALER_AMI_SECRET=ami_secret,
        OBZVON_PBX_CONTROL_URL=f"http://127.0.0.1:{args.pbx_control_port}",
        OBZVON_RECORDINGS_DIR=str((args.var / "recordings").resolve()),
    )
    py = sys.executable
    procs: list[tuple[str, subprocess.Popen[bytes]]] = []
    pbx_cmd = [
        py, "-m", "obzvon_pbx_sim", "--host", "127.0.0.1", "--port", str(args.ami_port),
        "--user", "obzvon", "--secret", ami_secret, "--rules", "model",
        "--control-port", str(args.pbx_control_port), "--recordings-dir", str(args.var / "recordings"),
    ]  # fmt: skip
    procs.append(("pbx-sim", start("pbx-sim", pbx_cmd, env, logs)))
    for name, package, _port in SERVICES:
        procs.append((name, start(name, [py, "-m", package], env, logs)))
    try:
        for (name, proc), (_, _, port) in zip(procs[1:], SERVICES, strict=True):
            wait_ready(f"http://127.0.0.1:{port}/readyz", proc)
            print(f"  {name:<13} ready on 127.0.0.1:{port}")
        print(f"\nObzvon is running: http://127.0.0.1:{SERVICES[0][2]}/")
        print(f"pbx-sim: AMI 127.0.0.1:{args.ami_port}, control http://127.0.0.1:{args.pbx_control_port}")
        print(f"logs: {logs}/\n\nDemo logins:\n{credentials_text()}\nPress Ctrl-C to stop.")
        signal.signal(signal.SIGTERM, lambda *_: (_ for _ in ()).throw(KeyboardInterrupt()))
        while all(p.poll() is None for _, p in procs):
            time.sleep(0.5)
        dead = [n for n, p in procs if p.poll() is not None]
        print(f"stopped: {', '.join(dead)} exited; see {logs}/", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 0
    finally:
        for _, proc in procs:
            if proc.poll() is None:
                proc.terminate()
        for _, proc in procs:
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                proc.kill()
