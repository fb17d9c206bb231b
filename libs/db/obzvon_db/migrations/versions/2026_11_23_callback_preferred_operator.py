"""The operator a waiting callback is offered to first (F-46), kept with the call so that a restart of
queue-router keeps the preference (I4).

Revision ID: 7d3f9a2c4e18
Revises: 5c1e0b7d9f21
Create Date: 2026-11-23

``calls`` can be large: the column is nullable without a default (no table rewrite) and its foreign key
is added NOT VALID, then validated under a lock that lets writes go on.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "7d3f9a2c4e18"
down_revision: str | None = "5c1e0b7d9f21"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

FOREIGN_KEY = "fk_calls_preferred_operator_id_users"


def upgrade() -> None:
    op.add_column("calls", sa.Column("preferred_operator_id", sa.UUID(), nullable=True))
    op.create_foreign_key(
        op.f(FOREIGN_KEY),
        "calls",
        "users",
        ["preferred_operator_id"],
        ["id"],
        ondelete="SET NULL",
        postgresql_not_valid=True,
    )
    op.execute(sa.text(f"ALTER TABLE calls VALIDATE CONSTRAINT {FOREIGN_KEY}"))


def downgrade() -> None:
    op.drop_constraint(op.f(FOREIGN_KEY), "calls", type_="foreignkey")
    op.drop_column("calls", "preferred_operator_id")
