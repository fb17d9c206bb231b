"""Runs the Playwright suite (frontend/e2e) against a real stack of its own.

It creates a fresh migrated database, a RabbitMQ vhost and a Redis key prefix, seeds the demo accounts
with a one-off password and a running project (tests/e2e/workspace_stack.py), starts pbx-sim, the
dialer, queue-router, reporting and the api-gateway (serving the built SPA) on loopback ports, runs
`npx playwright test` in Debian's Chromium, and removes everything afterwards.
"""

import asyncio
import base64
import os
import secrets
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from redis.asyncio import Redis

from tests.e2e.workspace_stack import Started, calling_env, start_calling
from tests.fixtures.database import create_test_database, drop_test_database
from tests.fixtures.rabbitmq import create_vhost, delete_vhost
from tests.fixtures.redis import REDIS_URL

ROOT = Path(__file__).resolve().parents[2]
PORT = int(os.environ.get("OBZVON_E2E_PORT", "8765"))


def wait_ready(url: str, proc: subprocess.Popen[bytes], timeout: float = 60.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"{url}: the process exited with {proc.returncode}")
        try:
            with urllib.request.urlopen(url, timeout=2) as resp:  # noqa: S310 - loopback
                if resp.status == 200:
                    return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(f"{url} was not ready in {timeout:.0f} s")


def stack_env(database_url: str, amqp_url: str, redis_prefix: str, workdir: Path) -> dict[str, str]:
    key = workdir / "secret.key"
    key.write_text(base64.urlsafe_b64encode(os.urandom(32)).decode())
    env = dict(os.environ)
    env.update(
        OBZVON_DATABASE_URL=database_url,
        OBZVON_AMQP_URL=amqp_url,
        OBZVON_REDIS_PREFIX=redis_prefix,
        OBZVON_SECRET_KEY_FILE=str(key),
        OBZVON_DEMO_PASSWORD=secrets.token_urlsafe(12),
        OBZVON_DEMO_CREDENTIALS=str(workdir / "demo-credentials.json"),
        OBZVON_GATEWAY_PORT=str(PORT),
        OBZVON_GATEWAY_ALLOWED_ORIGINS=f'["http://127.0.0.1:{PORT}"]',
        OBZVON_E2E_BASE_URL=f"http://127.0.0.1:{PORT}",
        PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD="1",
    )
    env["OBZVON_E2E_PASSWORD"] = env["OBZVON_DEMO_PASSWORD"]
    return env


def start_stack(env: dict[str, str], workdir: Path, procs: Started) -> None:
    """Starts the services into ``procs`` (so the caller stops them whatever happens) and waits for them."""
    seed = [sys.executable, "-m", "obzvon_cli.main", "seed-demo"]
    subprocess.run(seed, env=env, check=True, stdout=subprocess.DEVNULL)
    procs.extend(start_calling(env, workdir))
    log = (workdir / "gateway.log").open("wb")
    gateway = subprocess.Popen(
        [sys.executable, "-m", "obzvon_gateway"], env=env, stdout=log, stderr=subprocess.STDOUT
    )
    procs.append(("gateway", gateway, f"http://127.0.0.1:{PORT}/readyz"))
    for _name, proc, url in procs:
        if url:
            wait_ready(url, proc)


def stop_stack(procs: Started) -> None:
    for _name, proc, _url in reversed(procs):
        proc.terminate()
    for _name, proc, _url in procs:
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()


def dump_logs(workdir: Path) -> None:
    for log in sorted(workdir.glob("*.log")):
        sys.stderr.write(f"--- {log.name} ---\n")
        sys.stderr.write(log.read_text(errors="replace")[-3000:])


def run_playwright(env: dict[str, str], copy: Path) -> int:
    """Runs `npx playwright test`, streaming its output and keeping a copy in ``copy``."""
    command = ["npx", "playwright", "test", *sys.argv[1:]]
    with copy.open("wb") as kept:
        out = subprocess.PIPE
        proc = subprocess.Popen(command, cwd=ROOT / "frontend", env=env, stdout=out, stderr=subprocess.STDOUT)
        assert proc.stdout is not None
        for line in proc.stdout:
            sys.stdout.buffer.write(line)
            sys.stdout.flush()
            kept.write(line)
        return proc.wait()


def run_suite(env: dict[str, str], workdir: Path) -> int:
    procs: Started = []
    try:
        try:
            start_stack(env, workdir, procs)
        except RuntimeError:
            dump_logs(workdir)
            raise
        report = workdir / "playwright.out"
        returncode = run_playwright(env, report)
        if returncode != 0:
            dump_logs(workdir)
            # CI keeps the end of the output: repeat Playwright's own account of the failure last.
            sys.stderr.write("--- playwright (again, after the service logs) ---\n")
            sys.stderr.write(report.read_text(errors="replace")[-6000:])
        return returncode
    finally:
        stop_stack(procs)


async def delete_redis_keys(prefix: str) -> None:
    client = Redis.from_url(REDIS_URL)
    try:
        keys = [k async for k in client.scan_iter(match=f"{prefix}:*", count=1000)]
        if keys:
            await client.delete(*keys)
    finally:
        await client.aclose()


def main() -> int:
    database_url = asyncio.run(create_test_database("obzvon_e2e"))
    vhost, amqp_url = create_vhost("obzvon_e2e")
    redis_prefix = f"obzvon_e2e_{secrets.token_hex(4)}"
    try:
        with tempfile.TemporaryDirectory(prefix="obzvon-e2e-") as tmp:
            env = calling_env(stack_env(database_url, amqp_url, redis_prefix, Path(tmp)), Path(tmp))
            return run_suite(env, Path(tmp))
    finally:
        delete_vhost(vhost)
        asyncio.run(drop_test_database(database_url))
        asyncio.run(delete_redis_keys(redis_prefix))


if __name__ == "__main__":
    sys.exit(main())
