"""Encrypted SIP passwords of operator extensions, so generated PJSIP endpoints can authenticate.

Revision ID: 5c1e0b7d9f21
Revises: a5922fa0383e
Create Date: 2026-11-23
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "5c1e0b7d9f21"
down_revision: str | None = "a5922fa0383e"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column("users", sa.Column("sip_secret_ciphertext", sa.LargeBinary(), nullable=True))


def downgrade() -> None:
    op.drop_column("users", "sip_secret_ciphertext")
