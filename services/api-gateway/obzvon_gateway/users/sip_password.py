"""SIP passwords of operators' phones (F-10): generated here, shown once, stored encrypted with the user
id as AAD, and rendered into Asterisk's generated PJSIP file by the dialer."""

import secrets as token
import uuid

from obzvon_db import secrets
from obzvon_platform.problem import Problem
from sqlalchemy.ext.asyncio import AsyncSession

from obzvon_gateway.audit import record_audit
from obzvon_gateway.auth.principal import Principal
from obzvon_gateway.auth.problems import forbidden
from obzvon_gateway.pbx_config import extension_changed
from obzvon_gateway.projects.integration import secret_key_missing
from obzvon_gateway.users.schemas import SipPasswordOut
from obzvon_gateway.users.service import get_user


async def reset_sip_password(
    db: AsyncSession, principal: Principal, user_id: uuid.UUID, *, ip: str
) -> SipPasswordOut:
    """A fresh password for the user's extension; the old one stops working at the next PJSIP reload."""
    if principal.is_operator:
        raise forbidden()
    user = await get_user(db, principal, user_id, lock=True)
    if user.extension is None:
        raise Problem(
            409, "no_extension", "У пользователя нет внутреннего номера", "The user has no extension"
        )
    password = token.token_urlsafe(18)
    try:
        user.sip_secret_ciphertext = secrets.encrypt(password, user.id)
    except secrets.SecretKeyError as exc:
        raise secret_key_missing() from exc
    await extension_changed(db, user.id)
    await record_audit(
        db,
        "user.sip_password_reset",
        actor_id=principal.user_id,
        ip=ip,
        object_type="user",
        object_id=user.id,
    )
    return SipPasswordOut(extension=user.extension, username=user.extension, password=password)
