"""docker-compose.yml describes a stack that can actually start: every piece it names exists in the repo."""

import re
from pathlib import Path
from typing import Any

import pytest
import yaml
from obzvon_cli.commands.serve import SERVICES
from obzvon_db import secrets
from obzvon_dialer.pbx_config.settings import PbxConfigSettings
from obzvon_dialer.settings import AmiSettings, DialerHttpSettings
from obzvon_integrations.settings import IntegrationsHttpSettings
from obzvon_platform.settings import CommonSettings
from obzvon_queue_router.settings import QueueRouterHttpSettings
from obzvon_reporting.settings import ReportingHttpSettings

ROOT = Path(__file__).resolve().parents[2]
SETTINGS = [
    CommonSettings,
    AmiSettings,
    PbxConfigSettings,
    DialerHttpSettings,
    QueueRouterHttpSettings,
    ReportingHttpSettings,
    IntegrationsHttpSettings,
]


@pytest.fixture(scope="module")
def compose() -> dict[str, Any]:
    return yaml.safe_load((ROOT / "docker-compose.yml").read_text())


def known_env_names() -> set[str]:
    from obzvon_gateway.settings import GatewaySettings

    names = {secrets.KEY_ENV, secrets.KEY_FILE_ENV}
    for cls in [*SETTINGS, GatewaySettings]:
        prefix = cls.model_config.get("env_prefix", "")
        for field, info in cls.model_fields.items():
            alias = info.validation_alias
            names.add(alias if isinstance(alias, str) else f"{prefix}{field}".upper())
    return names


def test_stack_has_infrastructure_asterisk_migration_and_every_service(compose: dict[str, Any]) -> None:
    expected = {"postgres", "rabbitmq", "redis", "asterisk", "migrate", *SERVICES}
    assert expected <= set(compose["services"])


def test_each_service_runs_its_own_cli_command_after_migrations(compose: dict[str, Any]) -> None:
    for name in SERVICES:
        svc = compose["services"][name]
        assert svc["command"] == ["obzvon", "serve", name]
        assert svc["depends_on"]["migrate"]["condition"] == "service_completed_successfully"
        assert "healthcheck" in svc
    assert compose["services"]["migrate"]["command"] == ["obzvon", "migrate"]


def test_asterisk_mounts_the_repository_configuration(compose: dict[str, Any]) -> None:
    volumes = compose["services"]["asterisk"]["volumes"]
    assert "./asterisk:/etc/asterisk:ro" in volumes
    for conf in ("manager.conf", "pjsip.conf", "extensions.conf"):
        assert (ROOT / "asterisk" / conf).is_file(), conf


def test_image_is_built_from_files_that_exist(compose: dict[str, Any]) -> None:
    dockerfile = ROOT / compose["x-app"]["build"]["dockerfile"]
    assert dockerfile.is_file()
    for line in dockerfile.read_text().splitlines():
        if line.startswith("COPY ") and "--from" not in line:
            for src in line.split()[1:-1]:
                assert (ROOT / src).exists(), src


def test_environment_names_are_settings_the_code_reads(compose: dict[str, Any]) -> None:
    known = known_env_names()
    for name, svc in compose["services"].items():
        for var in svc.get("environment") or {}:
            if var.startswith("OBZVON_"):
                assert var in known, f"{name}: {var} is read by no settings class"


def test_no_password_has_a_default() -> None:
    text = (ROOT / "docker-compose.yml").read_text()
    for match in re.finditer(r"^\s*[A-Z_]*(PASSWORD|SECRET|PASS)\s*:\s*(\S+)", text, re.MULTILINE):
        value = match.group(2)
        assert value.startswith("${") and ":?" in value, match.group(0)
