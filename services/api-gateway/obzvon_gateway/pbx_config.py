"""The outbox event that makes the dialer regenerate Asterisk's PJSIP files (F-10, F-13)."""

import uuid

from obzvon_events.pbx import PbxConfigChanged
from obzvon_platform.bus import add_to_outbox
from sqlalchemy.ext.asyncio import AsyncSession

from obzvon_gateway.producer import PRODUCER


async def trunks_changed(db: AsyncSession, trunk_id: uuid.UUID) -> None:
    """Queue `pbx_config_changed` in the transaction that changed a trunk."""
    await add_to_outbox(db, PbxConfigChanged(reason="trunk", object_id=trunk_id), PRODUCER)


async def extension_changed(db: AsyncSession, user_id: uuid.UUID) -> None:
    """Queue `pbx_config_changed` in the transaction that gave a user an extension, changed or removed
    it, or (de)activated or deleted a user who has one."""
    await add_to_outbox(db, PbxConfigChanged(reason="operator", object_id=user_id), PRODUCER)
