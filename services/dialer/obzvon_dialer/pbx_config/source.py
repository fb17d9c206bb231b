"""Reads what the generated files hold from the database; trunk passwords are decrypted only here, while
the files are rendered (ASVS 11.3.2)."""

from dataclasses import dataclass

import sqlalchemy as sa
import structlog
from obzvon_db import secrets
from obzvon_db.models import Project, Trunk, User
from sqlalchemy.ext.asyncio import AsyncSession

from obzvon_dialer.pbx_config.render import OperatorConfig, TrunkConfig

log = structlog.get_logger(__name__)


@dataclass(frozen=True)
class PbxObjects:
    trunks: list[TrunkConfig]
    operators: list[OperatorConfig]


def _password(trunk: Trunk) -> str | None:
    if trunk.secret_ciphertext is None:
        return None
    return secrets.decrypt(trunk.secret_ciphertext, trunk.id)


async def load_trunks(db: AsyncSession) -> list[TrunkConfig]:
    """Active trunks by name. A trunk whose password cannot be decrypted is left out (and logged)."""
    rows = await db.execute(
        sa.select(Trunk, Project.record_calls)
        .outerjoin(Project, sa.and_(Project.id == Trunk.inbound_project_id, Project.deleted_at.is_(None)))
        .where(Trunk.is_active.is_(True))
        .order_by(Trunk.name, Trunk.id)
    )
    trunks: list[TrunkConfig] = []
    for trunk, record_calls in rows:
        try:
            password = _password(trunk)
        except (secrets.SecretKeyError, secrets.DecryptionError) as exc:
            log.error("pbx_config.trunk_skipped", trunk_id=str(trunk.id), error=str(exc))
            continue
        routed = record_calls is not None
        trunks.append(
            TrunkConfig(
                id=trunk.id,
                name=trunk.name,
                username=trunk.username,
                password=password,
                host=trunk.host,
                port=trunk.port,
                inbound_project_id=trunk.inbound_project_id if routed else None,
                inbound_record=bool(record_calls),
            )
        )
    return trunks


async def load_operators(db: AsyncSession) -> list[OperatorConfig]:
    """Active, not deleted users with an extension, by extension, with their decrypted SIP secret (none
    yet, or undecryptable: the auth section is left out and the phone cannot register)."""
    rows = await db.execute(
        sa.select(User.id, User.extension, User.full_name, User.sip_secret_ciphertext)
        .where(User.extension.is_not(None), User.deleted_at.is_(None), User.is_active.is_(True))
        .order_by(User.extension)
    )
    operators: list[OperatorConfig] = []
    for user_id, ext, name, ciphertext in rows:
        if not ext:
            continue
        password = None
        if ciphertext is not None:
            try:
                password = secrets.decrypt(ciphertext, user_id)
            except (secrets.SecretKeyError, secrets.DecryptionError) as exc:
                log.error("pbx_config.operator_secret_unreadable", user_id=str(user_id), error=str(exc))
        operators.append(OperatorConfig(extension=ext, full_name=name, password=password))
    return operators


async def load(db: AsyncSession) -> PbxObjects:
    return PbxObjects(await load_trunks(db), await load_operators(db))
