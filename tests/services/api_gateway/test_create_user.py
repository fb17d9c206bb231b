"""`create_user`, the service the CLI builds `obzvon create-admin` on (F-10; ASVS 6.2, 6.3.2)."""

import secrets

import pytest
import sqlalchemy as sa
from argon2 import extract_parameters
from obzvon_db.enums import UserRole
from obzvon_db.models import OutboxMessage
from obzvon_gateway.users.service import create_user
from obzvon_platform.problem import Problem
from sqlalchemy.ext.asyncio import AsyncSession

from tests.services.api_gateway.factories import FAST_HASHER, unique_email


async def test_creates_an_active_user_with_an_argon2id_hash(db_session: AsyncSession) -> None:
    email = unique_email("admin")
    user = await create_user(db_session, f"  {email} ", "a long admin passphrase", "Админ", UserRole.ADMIN)
    assert (user.email, user.role, user.is_active, user.session_version) == (email, UserRole.ADMIN, True, 0)
    assert extract_parameters(user.password_hash).memory_cost >= 19 * 1024


@pytest.mark.parametrize(
    ("email", "password", "extension", "code"),
    [
        ("not-an-email", "a long admin passphrase", None, "invalid_email"),
        (None, "Password1", None, "password_too_common"),
        (None, "short", None, "password_too_short"),
        (None, "a long admin passphrase", "12a", "invalid_extension"),
    ],
)
async def test_refuses_bad_input(
    db_session: AsyncSession, email: str | None, password: str, extension: str | None, code: str
) -> None:
    with pytest.raises(Problem) as refused:
        await create_user(
            db_session,
            email or unique_email("x"),
            password,
            "Имя",
            UserRole.OPERATOR,
            extension,
            hasher=FAST_HASHER,
        )
    assert refused.value.code == code


async def test_refuses_a_taken_email_in_any_case_and_a_taken_extension(db_session: AsyncSession) -> None:
    email = unique_email("op")
    await create_user(
        db_session, email, "a long passphrase", "Один", UserRole.OPERATOR, "7701", hasher=FAST_HASHER
    )
    with pytest.raises(Problem) as same_email:
        await create_user(
            db_session, email.upper(), "a long passphrase", "Два", UserRole.OPERATOR, hasher=FAST_HASHER
        )
    assert same_email.value.status == 409
    with pytest.raises(Problem) as same_extension:
        await create_user(
            db_session,
            unique_email("op"),
            "a long passphrase",
            "Три",
            UserRole.OPERATOR,
            "7701",
            hasher=FAST_HASHER,
        )
    assert same_extension.value.code == "extension_taken"


async def test_an_operator_with_an_extension_reaches_the_pbx_configuration(db_session: AsyncSession) -> None:
    """F-10/F-13: a new extension queues `pbx_config_changed`, so the dialer regenerates PJSIP files."""
    extension = str(secrets.randbelow(9_000_000) + 1_000_000)
    user = await create_user(
        db_session, unique_email("op"), "a long operator passphrase", "Оператор", UserRole.OPERATOR,
        extension, hasher=FAST_HASHER,
    )  # fmt: skip
    rows = await db_session.scalars(
        sa.select(OutboxMessage).where(OutboxMessage.routing_key == "pbx.config.changed")
    )
    assert any(row.payload["data"]["object_id"] == str(user.id) for row in rows)
