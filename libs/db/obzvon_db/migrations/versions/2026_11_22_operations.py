"""Operations: operator state intervals, tasks, comments, file manager.

Revision ID: 9a95c4ae63b7
Revises: 26a3cb9aa384
Create Date: 2026-11-22

The tables are new and empty, so their secondary indexes are built with plain CREATE INDEX here;
later migrations that index existing large tables use CREATE INDEX CONCURRENTLY
(``op.create_index(..., postgresql_concurrently=True)`` inside ``op.get_context().autocommit_block()``).
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "9a95c4ae63b7"
down_revision: str | None = "26a3cb9aa384"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "operator_state_intervals",
        sa.Column("id", sa.UUID(), server_default=sa.text("gen_random_uuid()"), nullable=False),
        sa.Column("operator_id", sa.UUID(), nullable=False),
        sa.Column("state", sa.String(length=32), nullable=False),
        sa.Column("started_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.Column("ended_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("call_id", sa.UUID(), nullable=True),
        sa.Column("project_id", sa.UUID(), nullable=True),
        sa.Column("reason", sa.Text(), nullable=True),
        sa.CheckConstraint(
            "ended_at IS NULL OR ended_at >= started_at",
            name=op.f("ck_operator_state_intervals_ended_after_started"),
        ),
        sa.ForeignKeyConstraint(
            ["call_id"],
            ["calls.id"],
            name=op.f("fk_operator_state_intervals_call_id_calls"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["operator_id"],
            ["users.id"],
            name=op.f("fk_operator_state_intervals_operator_id_users"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["project_id"],
            ["projects.id"],
            name=op.f("fk_operator_state_intervals_project_id_projects"),
            ondelete="SET NULL",
        ),
        sa.CheckConstraint(
            "state IN ('active', 'pause', 'dnd', 'inactive', 'ringing', 'talking', "
            "'in_card', 'ringback', 'offline')",
            name=op.f("ck_operator_state_intervals_state"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_operator_state_intervals")),
    )
    op.create_index(
        op.f("ix_operator_state_intervals_call_id"), "operator_state_intervals", ["call_id"], unique=False
    )
    op.create_index(
        "ix_operator_state_intervals_operator_started",
        "operator_state_intervals",
        ["operator_id", "started_at"],
        unique=False,
    )
    op.create_index(
        "ix_operator_state_intervals_started_at", "operator_state_intervals", ["started_at"], unique=False
    )
    op.create_index(
        "uq_operator_state_intervals_open",
        "operator_state_intervals",
        ["operator_id"],
        unique=True,
        postgresql_where=sa.text("ended_at IS NULL"),
    )
    op.create_table(
        "tasks",
        sa.Column("id", sa.UUID(), server_default=sa.text("gen_random_uuid()"), nullable=False),
        sa.Column("operator_id", sa.UUID(), nullable=False),
        sa.Column("contact_id", sa.UUID(), nullable=False),
        sa.Column("project_id", sa.UUID(), nullable=False),
        sa.Column("text", sa.Text(), server_default="", nullable=False),
        sa.Column("due_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("call_automatically", sa.Boolean(), server_default=sa.text("false"), nullable=False),
        sa.Column("done_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("notified_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("deleted_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("created_by", sa.UUID(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.ForeignKeyConstraint(
            ["contact_id"], ["contacts.id"], name=op.f("fk_tasks_contact_id_contacts"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["created_by"], ["users.id"], name=op.f("fk_tasks_created_by_users"), ondelete="SET NULL"
        ),
        sa.ForeignKeyConstraint(
            ["operator_id"], ["users.id"], name=op.f("fk_tasks_operator_id_users"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["project_id"], ["projects.id"], name=op.f("fk_tasks_project_id_projects"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_tasks")),
    )
    op.create_index("ix_tasks_contact_id", "tasks", ["contact_id"], unique=False)
    op.create_index(
        "ix_tasks_due_unnotified",
        "tasks",
        ["due_at"],
        unique=False,
        postgresql_where=sa.text("done_at IS NULL AND deleted_at IS NULL AND notified_at IS NULL"),
    )
    op.create_index(
        "ix_tasks_operator_due_open",
        "tasks",
        ["operator_id", "due_at"],
        unique=False,
        postgresql_where=sa.text("done_at IS NULL AND deleted_at IS NULL"),
    )
    op.create_index(op.f("ix_tasks_project_id"), "tasks", ["project_id"], unique=False)
    op.create_table(
        "comments",
        sa.Column("id", sa.UUID(), server_default=sa.text("gen_random_uuid()"), nullable=False),
        sa.Column("contact_id", sa.UUID(), nullable=False),
        sa.Column("author_id", sa.UUID(), nullable=True),
        sa.Column("call_id", sa.UUID(), nullable=True),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.ForeignKeyConstraint(
            ["author_id"], ["users.id"], name=op.f("fk_comments_author_id_users"), ondelete="SET NULL"
        ),
        sa.ForeignKeyConstraint(
            ["call_id"], ["calls.id"], name=op.f("fk_comments_call_id_calls"), ondelete="SET NULL"
        ),
        sa.ForeignKeyConstraint(
            ["contact_id"], ["contacts.id"], name=op.f("fk_comments_contact_id_contacts"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_comments")),
    )
    op.create_index("ix_comments_contact_created", "comments", ["contact_id", "created_at"], unique=False)
    op.create_table(
        "file_folders",
        sa.Column("id", sa.UUID(), server_default=sa.text("gen_random_uuid()"), nullable=False),
        sa.Column("parent_id", sa.UUID(), nullable=True),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("created_by", sa.UUID(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.ForeignKeyConstraint(
            ["created_by"], ["users.id"], name=op.f("fk_file_folders_created_by_users"), ondelete="SET NULL"
        ),
        sa.ForeignKeyConstraint(
            ["parent_id"],
            ["file_folders.id"],
            name=op.f("fk_file_folders_parent_id_file_folders"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_file_folders")),
        sa.UniqueConstraint(
            "parent_id",
            "name",
            name=op.f("uq_file_folders_parent_id_name"),
            postgresql_nulls_not_distinct=True,
        ),
    )
    op.create_table(
        "files",
        sa.Column("id", sa.UUID(), server_default=sa.text("gen_random_uuid()"), nullable=False),
        sa.Column("folder_id", sa.UUID(), nullable=True),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("stored_name", sa.Text(), nullable=False),
        sa.Column("size", sa.BigInteger(), nullable=False),
        sa.Column("content_type", sa.Text(), server_default="application/octet-stream", nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=True),
        sa.Column("uploaded_by", sa.UUID(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.CheckConstraint("size >= 0", name=op.f("ck_files_size_non_negative")),
        sa.ForeignKeyConstraint(
            ["folder_id"],
            ["file_folders.id"],
            name=op.f("fk_files_folder_id_file_folders"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["uploaded_by"], ["users.id"], name=op.f("fk_files_uploaded_by_users"), ondelete="SET NULL"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_files")),
        sa.UniqueConstraint(
            "folder_id", "name", name=op.f("uq_files_folder_id_name"), postgresql_nulls_not_distinct=True
        ),
        sa.UniqueConstraint("stored_name", name=op.f("uq_files_stored_name")),
    )


def downgrade() -> None:
    op.drop_table("files")
    op.drop_table("file_folders")
    op.drop_table("comments")
    op.drop_table("tasks")
    op.drop_table("operator_state_intervals")
