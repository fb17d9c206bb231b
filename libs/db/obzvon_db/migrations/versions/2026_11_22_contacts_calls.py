"""Contacts and calls: bases, tags, contacts, blacklist, dial attempts (I1) and call records.

Revision ID: 26a3cb9aa384
Revises: 5060c73154a0
Create Date: 2026-11-22

The tables are new and empty, so their secondary indexes are built with plain CREATE INDEX here;
later migrations that index existing large tables use CREATE INDEX CONCURRENTLY
(``op.create_index(..., postgresql_concurrently=True)`` inside ``op.get_context().autocommit_block()``).
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "26a3cb9aa384"
down_revision: str | None = "5060c73154a0"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "contact_bases",
        sa.Column("id", sa.UUID(), server_default=sa.text("gen_random_uuid()"), nullable=False),
        sa.Column("project_id", sa.UUID(), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("file_name", sa.Text(), nullable=False),
        sa.Column("stored_name", sa.Text(), nullable=True),
        sa.Column("status", sa.String(length=32), server_default="pending", nullable=False),
        sa.Column(
            "column_mapping",
            postgresql.JSONB(astext_type=sa.Text()),
            server_default=sa.text("'{}'::jsonb"),
            nullable=False,
        ),
        sa.Column("total_rows", sa.Integer(), server_default="0", nullable=False),
        sa.Column("processed_rows", sa.Integer(), server_default="0", nullable=False),
        sa.Column("imported_rows", sa.Integer(), server_default="0", nullable=False),
        sa.Column("rejected_rows", sa.Integer(), server_default="0", nullable=False),
        sa.Column("duplicate_rows", sa.Integer(), server_default="0", nullable=False),
        sa.Column("blacklisted_rows", sa.Integer(), server_default="0", nullable=False),
        sa.Column("error_report", postgresql.JSONB(astext_type=sa.Text()), nullable=True),
        sa.Column("uploaded_by", sa.UUID(), nullable=True),
        sa.Column("finished_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.ForeignKeyConstraint(
            ["project_id"],
            ["projects.id"],
            name=op.f("fk_contact_bases_project_id_projects"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["uploaded_by"],
            ["users.id"],
            name=op.f("fk_contact_bases_uploaded_by_users"),
            ondelete="SET NULL",
        ),
        sa.CheckConstraint(
            "status IN ('pending', 'processing', 'ready', 'failed')", name=op.f("ck_contact_bases_status")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_contact_bases")),
    )
    op.create_index(op.f("ix_contact_bases_project_id"), "contact_bases", ["project_id"], unique=False)
    op.create_table(
        "tags",
        sa.Column("id", sa.UUID(), server_default=sa.text("gen_random_uuid()"), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_tags")),
        sa.UniqueConstraint("name", name=op.f("uq_tags_name")),
    )
    op.create_table(
        "contact_base_tags",
        sa.Column("base_id", sa.UUID(), nullable=False),
        sa.Column("tag_id", sa.UUID(), nullable=False),
        sa.ForeignKeyConstraint(
            ["base_id"],
            ["contact_bases.id"],
            name=op.f("fk_contact_base_tags_base_id_contact_bases"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["tag_id"], ["tags.id"], name=op.f("fk_contact_base_tags_tag_id_tags"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("base_id", "tag_id", name=op.f("pk_contact_base_tags")),
    )
    op.create_index(op.f("ix_contact_base_tags_tag_id"), "contact_base_tags", ["tag_id"], unique=False)
    op.create_table(
        "contacts",
        sa.Column("id", sa.UUID(), server_default=sa.text("gen_random_uuid()"), nullable=False),
        sa.Column("seq", sa.BigInteger(), sa.Identity(always=False), nullable=False),
        sa.Column("project_id", sa.UUID(), nullable=False),
        sa.Column("base_id", sa.UUID(), nullable=True),
        sa.Column("phone", sa.Text(), nullable=False),
        sa.Column("email", sa.Text(), nullable=True),
        sa.Column("full_name", sa.Text(), nullable=True),
        sa.Column("birth_date", sa.Date(), nullable=True),
        sa.Column("position", sa.Text(), nullable=True),
        sa.Column("city", sa.Text(), nullable=True),
        sa.Column("address", sa.Text(), nullable=True),
        sa.Column("description", sa.Text(), nullable=True),
        sa.Column(
            "custom_fields",
            postgresql.JSONB(astext_type=sa.Text()),
            server_default=sa.text("'{}'::jsonb"),
            nullable=False,
        ),
        sa.Column("region", sa.Text(), nullable=True),
        sa.Column("timezone", sa.Text(), nullable=True),
        sa.Column("carrier", sa.Text(), nullable=True),
        sa.Column("status", sa.String(length=32), server_default="new", nullable=False),
        sa.Column("result_status_id", sa.UUID(), nullable=True),
        sa.Column("robot_status", sa.Text(), nullable=True),
        sa.Column("attempts_count", sa.Integer(), server_default="0", nullable=False),
        sa.Column("next_attempt_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("pinned_operator_id", sa.UUID(), nullable=True),
        sa.Column("last_operator_id", sa.UUID(), nullable=True),
        sa.Column("last_call_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("deleted_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.CheckConstraint("phone ~ '^[0-9]{10,15}$'", name=op.f("ck_contacts_phone_digits")),
        sa.CheckConstraint("attempts_count >= 0", name=op.f("ck_contacts_attempts_count_non_negative")),
        sa.ForeignKeyConstraint(
            ["base_id"],
            ["contact_bases.id"],
            name=op.f("fk_contacts_base_id_contact_bases"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["last_operator_id"],
            ["users.id"],
            name=op.f("fk_contacts_last_operator_id_users"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["pinned_operator_id"],
            ["users.id"],
            name=op.f("fk_contacts_pinned_operator_id_users"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["project_id"], ["projects.id"], name=op.f("fk_contacts_project_id_projects"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["result_status_id"],
            ["result_statuses.id"],
            name=op.f("fk_contacts_result_status_id_result_statuses"),
            ondelete="SET NULL",
        ),
        sa.CheckConstraint(
            "status IN ('new', 'in_progress', 'called', 'no_answer', 'busy', 'machine', "
            "'lost', 'error', 'callback', 'done', 'blacklisted')",
            name=op.f("ck_contacts_status"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_contacts")),
        sa.UniqueConstraint("seq", name=op.f("uq_contacts_seq")),
    )
    op.create_index("ix_contacts_base_id", "contacts", ["base_id"], unique=False)
    op.create_index(
        "ix_contacts_dialer_due",
        "contacts",
        ["project_id", "next_attempt_at"],
        unique=False,
        postgresql_where=sa.text(
            "deleted_at IS NULL AND status IN ('new', 'no_answer', 'busy', 'machine', 'lost', 'error')"
        ),
    )
    op.create_index(op.f("ix_contacts_last_operator_id"), "contacts", ["last_operator_id"], unique=False)
    op.create_index("ix_contacts_phone", "contacts", ["phone"], unique=False)
    op.create_index(
        "ix_contacts_pinned_operator",
        "contacts",
        ["pinned_operator_id"],
        unique=False,
        postgresql_where=sa.text("pinned_operator_id IS NOT NULL"),
    )
    op.create_index("ix_contacts_project_seq", "contacts", ["project_id", "seq"], unique=False)
    op.create_index("ix_contacts_project_status", "contacts", ["project_id", "status"], unique=False)
    op.create_index("ix_contacts_project_updated", "contacts", ["project_id", "updated_at"], unique=False)
    op.create_index(
        "uq_contacts_project_phone",
        "contacts",
        ["project_id", "phone"],
        unique=True,
        postgresql_where=sa.text("deleted_at IS NULL"),
    )
    op.create_table(
        "contact_tags",
        sa.Column("contact_id", sa.UUID(), nullable=False),
        sa.Column("tag_id", sa.UUID(), nullable=False),
        sa.ForeignKeyConstraint(
            ["contact_id"],
            ["contacts.id"],
            name=op.f("fk_contact_tags_contact_id_contacts"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["tag_id"], ["tags.id"], name=op.f("fk_contact_tags_tag_id_tags"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("contact_id", "tag_id", name=op.f("pk_contact_tags")),
    )
    op.create_index(op.f("ix_contact_tags_tag_id"), "contact_tags", ["tag_id"], unique=False)
    op.create_table(
        "blacklist",
        sa.Column("id", sa.UUID(), server_default=sa.text("gen_random_uuid()"), nullable=False),
        sa.Column("phone", sa.Text(), nullable=False),
        sa.Column("comment", sa.Text(), nullable=True),
        sa.Column("created_by", sa.UUID(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.CheckConstraint("phone ~ '^[0-9]{3,15}$'", name=op.f("ck_blacklist_phone_digits")),
        sa.ForeignKeyConstraint(
            ["created_by"], ["users.id"], name=op.f("fk_blacklist_created_by_users"), ondelete="SET NULL"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_blacklist")),
        sa.UniqueConstraint("phone", name=op.f("uq_blacklist_phone")),
    )
    op.create_table(
        "attempts",
        sa.Column("id", sa.UUID(), server_default=sa.text("gen_random_uuid()"), nullable=False),
        sa.Column("contact_id", sa.UUID(), nullable=False),
        sa.Column("project_id", sa.UUID(), nullable=False),
        sa.Column("call_type", sa.String(length=32), server_default="auto", nullable=False),
        sa.Column("operator_id", sa.UUID(), nullable=True),
        sa.Column("attempt_number", sa.Integer(), server_default="1", nullable=False),
        sa.Column("phone", sa.Text(), nullable=False),
        sa.Column("trunk_id", sa.UUID(), nullable=True),
        sa.Column("caller_id", sa.Text(), nullable=True),
        sa.Column("state", sa.String(length=32), server_default="pending", nullable=False),
        sa.Column("outcome", sa.String(length=32), nullable=True),
        sa.Column("lease_until", sa.DateTime(timezone=True), nullable=True),
        sa.Column("dialer_instance", sa.Text(), nullable=True),
        sa.Column("originated_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("answered_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("ended_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("hangup_cause", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.CheckConstraint("attempt_number > 0", name=op.f("ck_attempts_attempt_number_positive")),
        sa.ForeignKeyConstraint(
            ["contact_id"], ["contacts.id"], name=op.f("fk_attempts_contact_id_contacts"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["operator_id"], ["users.id"], name=op.f("fk_attempts_operator_id_users"), ondelete="SET NULL"
        ),
        sa.ForeignKeyConstraint(
            ["project_id"], ["projects.id"], name=op.f("fk_attempts_project_id_projects"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["trunk_id"], ["trunks.id"], name=op.f("fk_attempts_trunk_id_trunks"), ondelete="SET NULL"
        ),
        sa.CheckConstraint(
            "call_type IN ('auto', 'manual', 'inbound', 'callback', 'robot')",
            name=op.f("ck_attempts_call_type"),
        ),
        sa.CheckConstraint(
            "state IN ('pending', 'originating', 'ringing', 'answered', 'talking', 'finished', 'failed')",
            name=op.f("ck_attempts_state"),
        ),
        sa.CheckConstraint(
            "outcome IN ('answered', 'busy', 'no_answer', 'rejected', 'congestion', "
            "'failed', 'machine', 'abandoned', 'failed_unknown')",
            name=op.f("ck_attempts_outcome"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_attempts")),
    )
    op.create_index("ix_attempts_contact_id", "attempts", ["contact_id"], unique=False)
    op.create_index("ix_attempts_project_created", "attempts", ["project_id", "created_at"], unique=False)
    op.create_index(
        "ix_attempts_unfinished",
        "attempts",
        ["dialer_instance", "lease_until"],
        unique=False,
        postgresql_where=sa.text("state NOT IN ('finished', 'failed')"),
    )
    op.create_index(
        "uq_attempts_live_contact",
        "attempts",
        ["contact_id"],
        unique=True,
        postgresql_where=sa.text("state IN ('originating', 'ringing', 'answered', 'talking')"),
    )
    op.create_table(
        "calls",
        sa.Column("id", sa.UUID(), server_default=sa.text("gen_random_uuid()"), nullable=False),
        sa.Column("attempt_id", sa.UUID(), nullable=True),
        sa.Column("uniqueid", sa.Text(), nullable=True),
        sa.Column("linkedid", sa.Text(), nullable=True),
        sa.Column("direction", sa.String(length=32), nullable=False),
        sa.Column("call_type", sa.String(length=32), nullable=False),
        sa.Column("from_number", sa.Text(), nullable=True),
        sa.Column("to_number", sa.Text(), nullable=True),
        sa.Column("project_id", sa.UUID(), nullable=True),
        sa.Column("contact_id", sa.UUID(), nullable=True),
        sa.Column("operator_id", sa.UUID(), nullable=True),
        sa.Column("trunk_id", sa.UUID(), nullable=True),
        sa.Column("result_status_id", sa.UUID(), nullable=True),
        sa.Column("started_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("answered_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("connected_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("ended_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("duration_s", sa.Integer(), server_default="0", nullable=False),
        sa.Column("billing_s", sa.Integer(), server_default="0", nullable=False),
        sa.Column("dial_s", sa.Integer(), server_default="0", nullable=False),
        sa.Column("wait_s", sa.Integer(), server_default="0", nullable=False),
        sa.Column("talk_s", sa.Integer(), server_default="0", nullable=False),
        sa.Column("client_status", sa.Text(), nullable=True),
        sa.Column("operator_status", sa.Text(), nullable=True),
        sa.Column("hangup_cause", sa.Integer(), nullable=True),
        sa.Column("hangup_cause_text", sa.Text(), nullable=True),
        sa.Column("outcome", sa.String(length=32), nullable=True),
        sa.Column("recording_path", sa.Text(), nullable=True),
        sa.Column("robot_status", sa.Text(), nullable=True),
        sa.Column("price", sa.Numeric(precision=12, scale=4), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.CheckConstraint(
            "duration_s >= 0 AND billing_s >= 0 AND dial_s >= 0 AND wait_s >= 0 AND talk_s >= 0",
            name=op.f("ck_calls_durations_non_negative"),
        ),
        sa.ForeignKeyConstraint(
            ["attempt_id"], ["attempts.id"], name=op.f("fk_calls_attempt_id_attempts"), ondelete="SET NULL"
        ),
        sa.ForeignKeyConstraint(
            ["contact_id"], ["contacts.id"], name=op.f("fk_calls_contact_id_contacts"), ondelete="SET NULL"
        ),
        sa.ForeignKeyConstraint(
            ["operator_id"], ["users.id"], name=op.f("fk_calls_operator_id_users"), ondelete="SET NULL"
        ),
        sa.ForeignKeyConstraint(
            ["project_id"], ["projects.id"], name=op.f("fk_calls_project_id_projects"), ondelete="SET NULL"
        ),
        sa.ForeignKeyConstraint(
            ["result_status_id"],
            ["result_statuses.id"],
            name=op.f("fk_calls_result_status_id_result_statuses"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["trunk_id"], ["trunks.id"], name=op.f("fk_calls_trunk_id_trunks"), ondelete="SET NULL"
        ),
        sa.CheckConstraint("direction IN ('in', 'out')", name=op.f("ck_calls_direction")),
        sa.CheckConstraint(
            "call_type IN ('auto', 'manual', 'inbound', 'callback', 'robot')", name=op.f("ck_calls_call_type")
        ),
        sa.CheckConstraint(
            "outcome IN ('answered', 'busy', 'no_answer', 'rejected', 'congestion', "
            "'failed', 'machine', 'abandoned', 'failed_unknown')",
            name=op.f("ck_calls_outcome"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_calls")),
        sa.UniqueConstraint("attempt_id", name=op.f("uq_calls_attempt_id")),
        sa.UniqueConstraint("uniqueid", name=op.f("uq_calls_uniqueid")),
    )
    op.create_index("ix_calls_contact_id", "calls", ["contact_id"], unique=False)
    op.create_index("ix_calls_from_number", "calls", ["from_number"], unique=False)
    op.create_index("ix_calls_operator_started", "calls", ["operator_id", "started_at"], unique=False)
    op.create_index("ix_calls_project_started", "calls", ["project_id", "started_at"], unique=False)
    op.create_index("ix_calls_started_at", "calls", ["started_at"], unique=False)
    op.create_index("ix_calls_to_number", "calls", ["to_number"], unique=False)


def downgrade() -> None:
    op.drop_table("calls")
    op.drop_table("attempts")
    op.drop_table("blacklist")
    op.drop_table("contact_tags")
    op.drop_table("contacts")
    op.drop_table("contact_base_tags")
    op.drop_table("tags")
    op.drop_table("contact_bases")
