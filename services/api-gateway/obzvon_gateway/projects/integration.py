"""F-28: Bitrix24 settings and message templates. The password is write-only: stored as AES-256-GCM
ciphertext bound to the integration row id and never returned."""

import re
from typing import Any

from obzvon_db import secrets
from obzvon_db.enums import IntegrationKind, MessageChannel
from obzvon_db.models import MessageTemplate, Project, ProjectIntegration, ResultStatus
from obzvon_platform.problem import Problem
from sqlalchemy.ext.asyncio import AsyncSession

from obzvon_gateway.projects import repository
from obzvon_gateway.projects.errors import FieldErrors
from obzvon_gateway.projects.schemas import Bitrix24In, IntegrationTabIn

HOST_RE = re.compile(r"^(https://)?[A-Za-z0-9][A-Za-z0-9.-]{0,252}(:[0-9]{1,5})?/?$")
PLAIN_KEYS = ("host", "name", "login", "source_id", "assigned_by_id")


def secret_key_missing() -> Problem:
    return Problem(
        503,
        "secret_key_missing",
        "Шифрование секретов не настроено (OBZVON_SECRET_KEY)",
        "Secret encryption is not configured (OBZVON_SECRET_KEY)",
    )


def encrypt_for(row: ProjectIntegration, plaintext: str) -> bytes:
    try:
        return secrets.encrypt(plaintext, row.id)
    except secrets.SecretKeyError as exc:
        raise secret_key_missing() from exc


def decrypt_of(row: ProjectIntegration) -> str | None:
    if row.secret_ciphertext is None:
        return None
    try:
        return secrets.decrypt(row.secret_ciphertext, row.id)
    except secrets.SecretKeyError as exc:
        raise secret_key_missing() from exc


async def _check_bitrix(db: AsyncSession, tab: Bitrix24In, errors: FieldErrors) -> None:
    if tab.host and not HOST_RE.match(tab.host.strip()):
        errors.add(
            "integration.bitrix24.host",
            "invalid_host",
            "Bitrix хост: укажите имя хоста, например company.bitrix24.ru",
            "integration.bitrix24.host: expected a host name such as company.bitrix24.ru",
        )
    ids = tab.lead_status_ids or []
    if ids and await repository.existing_ids(db, ResultStatus, ids) != set(ids):
        errors.add(
            "integration.bitrix24.lead_status_ids",
            "unknown_status",
            "Статус CRM: статус не найден",
            "integration.bitrix24.lead_status_ids: unknown status",
        )


async def _apply_bitrix(db: AsyncSession, project: Project, tab: Bitrix24In) -> None:
    row = await repository.integration(db, project.id, IntegrationKind.BITRIX24)
    if row is None:
        row = ProjectIntegration(
            project_id=project.id, kind=IntegrationKind.BITRIX24, settings={}, is_enabled=False
        )
        db.add(row)
        await db.flush()
    changes = tab.model_dump(exclude_unset=True)
    settings: dict[str, Any] = dict(row.settings)
    for key in PLAIN_KEYS:
        if key in changes:
            value = (changes[key] or "").strip()
            settings[key] = value or None
    if "lead_status_ids" in changes:
        settings["lead_status_ids"] = [str(i) for i in dict.fromkeys(tab.lead_status_ids or [])]
    row.settings = settings
    if changes.get("is_enabled") is not None:
        row.is_enabled = bool(changes["is_enabled"])
    if "password" in changes:
        row.secret_ciphertext = encrypt_for(row, tab.password) if tab.password else None


async def apply_integration(
    db: AsyncSession, project: Project, tab: IntegrationTabIn, errors: FieldErrors
) -> None:
    if tab.bitrix24 is not None:
        await _check_bitrix(db, tab.bitrix24, errors)
    for channel, templates in (("sms", tab.sms_templates), ("email", tab.email_templates)):
        for index, template in enumerate(templates or []):
            if not template.body.strip():
                errors.add(
                    f"integration.{channel}_templates.{index}.body",
                    "template_body_required",
                    "Шаблон: укажите текст",
                    f"integration.{channel}_templates.{index}.body: the body is required",
                )
    if errors:
        return
    if tab.bitrix24 is not None:
        await _apply_bitrix(db, project, tab.bitrix24)
    for channel, templates in (
        (MessageChannel.SMS, tab.sms_templates),
        (MessageChannel.EMAIL, tab.email_templates),
    ):
        if templates is None:
            continue
        await repository.delete_children(db, MessageTemplate, project.id, channel=channel)
        db.add_all(
            MessageTemplate(
                project_id=project.id,
                channel=channel,
                name=t.name.strip(),
                subject=t.subject if channel == MessageChannel.EMAIL else None,
                body=t.body,
            )
            for t in templates
        )


async def copy_integrations(db: AsyncSession, source: Project, target: Project) -> None:
    """Copies integration rows; a secret is re-encrypted for the new row id (its AAD)."""
    for row in await repository.children(db, ProjectIntegration, source.id):
        assert isinstance(row, ProjectIntegration)
        copy = ProjectIntegration(
            project_id=target.id, kind=row.kind, is_enabled=row.is_enabled, settings=dict(row.settings)
        )
        db.add(copy)
        await db.flush()
        plaintext = decrypt_of(row)
        if plaintext is not None:
            copy.secret_ciphertext = encrypt_for(copy, plaintext)
