"""Telephony and projects: trunks, projects and every per-project setting.

Revision ID: 60f16b6a1cf5
Revises: 813d193d23e5
Create Date: 2026-11-22

The tables are new and empty, so their secondary indexes are built with plain CREATE INDEX here;
later migrations that index existing large tables use CREATE INDEX CONCURRENTLY
(``op.create_index(..., postgresql_concurrently=True)`` inside ``op.get_context().autocommit_block()``).
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "60f16b6a1cf5"
down_revision: str | None = "813d193d23e5"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "trunks",
        sa.Column("id", sa.UUID(), server_default=sa.text("gen_random_uuid()"), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("username", sa.Text(), nullable=False),
        sa.Column("host", sa.Text(), nullable=False),
        sa.Column("port", sa.Integer(), server_default="5060", nullable=False),
        sa.Column("context", sa.Text(), server_default="inbound", nullable=False),
        sa.Column("is_robot", sa.Boolean(), server_default=sa.text("false"), nullable=False),
        sa.Column("is_active", sa.Boolean(), server_default=sa.text("true"), nullable=False),
        sa.Column("secret_ciphertext", sa.LargeBinary(), nullable=True),
        sa.Column("max_lines", sa.Integer(), nullable=True),
        sa.Column("inbound_project_id", sa.UUID(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.CheckConstraint("max_lines IS NULL OR max_lines > 0", name=op.f("ck_trunks_max_lines_positive")),
        sa.CheckConstraint("port BETWEEN 1 AND 65535", name=op.f("ck_trunks_port_range")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_trunks")),
        sa.UniqueConstraint("name", name=op.f("uq_trunks_name")),
    )
    op.create_index(op.f("ix_trunks_inbound_project_id"), "trunks", ["inbound_project_id"], unique=False)
    op.create_table(
        "projects",
        sa.Column("id", sa.UUID(), server_default=sa.text("gen_random_uuid()"), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("is_active", sa.Boolean(), server_default=sa.text("true"), nullable=False),
        sa.Column("is_running", sa.Boolean(), server_default=sa.text("false"), nullable=False),
        sa.Column("deleted_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("show_numbers", sa.Boolean(), server_default=sa.text("true"), nullable=False),
        sa.Column("amd_enabled", sa.Boolean(), server_default=sa.text("false"), nullable=False),
        sa.Column("robot_enabled", sa.Boolean(), server_default=sa.text("false"), nullable=False),
        sa.Column("starts_on", sa.Date(), nullable=True),
        sa.Column("ends_on", sa.Date(), nullable=True),
        sa.Column("timezone", sa.Text(), server_default="Europe/Moscow", nullable=False),
        sa.Column("client_window_start", sa.Time(), server_default="09:00", nullable=False),
        sa.Column("client_window_end", sa.Time(), server_default="21:00", nullable=False),
        sa.Column("caller_id", sa.Text(), nullable=True),
        sa.Column("trunk_id", sa.UUID(), nullable=True),
        sa.Column("call_from_end", sa.Boolean(), server_default=sa.text("false"), nullable=False),
        sa.Column("queue_timeout_s", sa.Integer(), server_default="60", nullable=False),
        sa.Column("operator_timeout_s", sa.Integer(), server_default="15", nullable=False),
        sa.Column("strategy", sa.String(length=32), server_default="ring_all", nullable=False),
        sa.Column("auto_answer", sa.Boolean(), server_default=sa.text("false"), nullable=False),
        sa.Column("music_on_hold", sa.Boolean(), server_default=sa.text("true"), nullable=False),
        sa.Column("dial_timeout_s", sa.Integer(), server_default="30", nullable=False),
        sa.Column("global_timeout_s", sa.Integer(), nullable=True),
        sa.Column("max_concurrent_calls", sa.Integer(), server_default="10", nullable=False),
        sa.Column("dial_mode", sa.String(length=32), server_default="unlimited", nullable=False),
        sa.Column("predictive_percent", sa.Integer(), server_default="3", nullable=False),
        sa.Column("max_attempts", sa.Integer(), server_default="5", nullable=False),
        sa.Column(
            "abandon_target_percent", sa.Numeric(precision=5, scale=2), server_default="3", nullable=False
        ),
        sa.Column("script_html", sa.Text(), server_default="", nullable=False),
        sa.Column("record_calls", sa.Boolean(), server_default=sa.text("true"), nullable=False),
        sa.Column("recording_notice", sa.Boolean(), server_default=sa.text("false"), nullable=False),
        sa.Column("retention_days", sa.Integer(), nullable=True),
        sa.Column("dialer_instance", sa.Text(), nullable=True),
        sa.Column("dialer_lease_until", sa.DateTime(timezone=True), nullable=True),
        sa.Column("created_by", sa.UUID(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.CheckConstraint(
            "abandon_target_percent BETWEEN 0 AND 100", name=op.f("ck_projects_abandon_target_range")
        ),
        sa.CheckConstraint(
            "client_window_start < client_window_end", name=op.f("ck_projects_client_window_order")
        ),
        sa.CheckConstraint("dial_timeout_s > 0", name=op.f("ck_projects_dial_timeout_positive")),
        sa.CheckConstraint(
            "ends_on IS NULL OR starts_on IS NULL OR ends_on >= starts_on",
            name=op.f("ck_projects_dates_order"),
        ),
        sa.CheckConstraint(
            "global_timeout_s IS NULL OR global_timeout_s > 0",
            name=op.f("ck_projects_global_timeout_positive"),
        ),
        sa.CheckConstraint("max_attempts > 0", name=op.f("ck_projects_max_attempts_positive")),
        sa.CheckConstraint(
            "max_concurrent_calls > 0", name=op.f("ck_projects_max_concurrent_calls_positive")
        ),
        sa.CheckConstraint("operator_timeout_s > 0", name=op.f("ck_projects_operator_timeout_positive")),
        sa.CheckConstraint(
            "predictive_percent BETWEEN 0 AND 100", name=op.f("ck_projects_predictive_percent_range")
        ),
        sa.CheckConstraint("queue_timeout_s > 0", name=op.f("ck_projects_queue_timeout_positive")),
        sa.CheckConstraint(
            "retention_days IS NULL OR retention_days > 0", name=op.f("ck_projects_retention_days_positive")
        ),
        sa.ForeignKeyConstraint(
            ["created_by"], ["users.id"], name=op.f("fk_projects_created_by_users"), ondelete="SET NULL"
        ),
        sa.ForeignKeyConstraint(
            ["trunk_id"], ["trunks.id"], name=op.f("fk_projects_trunk_id_trunks"), ondelete="SET NULL"
        ),
        sa.CheckConstraint(
            "strategy IN ('ring_all', 'round_robin', 'least_recent', 'fewest_calls', 'linear')",
            name=op.f("ck_projects_strategy"),
        ),
        sa.CheckConstraint(
            "dial_mode IN ('unlimited', 'progressive', 'predictive')", name=op.f("ck_projects_dial_mode")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_projects")),
    )
    op.create_index(
        "ix_projects_running",
        "projects",
        ["id"],
        unique=False,
        postgresql_where=sa.text("is_running AND deleted_at IS NULL"),
    )
    op.create_index(op.f("ix_projects_trunk_id"), "projects", ["trunk_id"], unique=False)
    op.create_table(
        "project_supervisors",
        sa.Column("project_id", sa.UUID(), nullable=False),
        sa.Column("user_id", sa.UUID(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.ForeignKeyConstraint(
            ["project_id"],
            ["projects.id"],
            name=op.f("fk_project_supervisors_project_id_projects"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["user_id"], ["users.id"], name=op.f("fk_project_supervisors_user_id_users"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("project_id", "user_id", name=op.f("pk_project_supervisors")),
    )
    op.create_index(op.f("ix_project_supervisors_user_id"), "project_supervisors", ["user_id"], unique=False)
    op.create_table(
        "project_groups",
        sa.Column("project_id", sa.UUID(), nullable=False),
        sa.Column("group_id", sa.UUID(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.ForeignKeyConstraint(
            ["group_id"], ["groups.id"], name=op.f("fk_project_groups_group_id_groups"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["project_id"],
            ["projects.id"],
            name=op.f("fk_project_groups_project_id_projects"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("project_id", "group_id", name=op.f("pk_project_groups")),
    )
    op.create_index(op.f("ix_project_groups_group_id"), "project_groups", ["group_id"], unique=False)
    op.create_table(
        "project_result_statuses",
        sa.Column("project_id", sa.UUID(), nullable=False),
        sa.Column("result_status_id", sa.UUID(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.ForeignKeyConstraint(
            ["project_id"],
            ["projects.id"],
            name=op.f("fk_project_result_statuses_project_id_projects"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["result_status_id"],
            ["result_statuses.id"],
            name=op.f("fk_project_result_statuses_result_status_id_result_statuses"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("project_id", "result_status_id", name=op.f("pk_project_result_statuses")),
    )
    op.create_index(
        op.f("ix_project_result_statuses_result_status_id"),
        "project_result_statuses",
        ["result_status_id"],
        unique=False,
    )
    op.create_table(
        "project_weekday_intervals",
        sa.Column("id", sa.UUID(), server_default=sa.text("gen_random_uuid()"), nullable=False),
        sa.Column("project_id", sa.UUID(), nullable=False),
        sa.Column("weekday", sa.SmallInteger(), nullable=False),
        sa.Column("start_time", sa.Time(), nullable=False),
        sa.Column("end_time", sa.Time(), nullable=False),
        sa.CheckConstraint("start_time < end_time", name=op.f("ck_project_weekday_intervals_time_order")),
        sa.CheckConstraint(
            "weekday BETWEEN 0 AND 6", name=op.f("ck_project_weekday_intervals_weekday_range")
        ),
        sa.ForeignKeyConstraint(
            ["project_id"],
            ["projects.id"],
            name=op.f("fk_project_weekday_intervals_project_id_projects"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_project_weekday_intervals")),
    )
    op.create_index(
        "ix_project_weekday_intervals_project_weekday",
        "project_weekday_intervals",
        ["project_id", "weekday"],
        unique=False,
    )
    op.create_table(
        "project_retry_rules",
        sa.Column("id", sa.UUID(), server_default=sa.text("gen_random_uuid()"), nullable=False),
        sa.Column("project_id", sa.UUID(), nullable=False),
        sa.Column("outcome", sa.String(length=32), nullable=False),
        sa.Column(
            "intervals_minutes",
            postgresql.ARRAY(sa.Integer()),
            server_default=sa.text("'{}'::integer[]"),
            nullable=False,
        ),
        sa.Column("max_attempts", sa.Integer(), nullable=False),
        sa.CheckConstraint(
            "0 < ALL (intervals_minutes)", name=op.f("ck_project_retry_rules_intervals_positive")
        ),
        sa.CheckConstraint(
            "max_attempts >= 0", name=op.f("ck_project_retry_rules_max_attempts_non_negative")
        ),
        sa.ForeignKeyConstraint(
            ["project_id"],
            ["projects.id"],
            name=op.f("fk_project_retry_rules_project_id_projects"),
            ondelete="CASCADE",
        ),
        sa.CheckConstraint(
            "outcome IN ('busy', 'no_answer', 'machine', 'lost')", name=op.f("ck_project_retry_rules_outcome")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_project_retry_rules")),
        sa.UniqueConstraint("project_id", "outcome", name=op.f("uq_project_retry_rules_project_id_outcome")),
    )
    op.create_table(
        "project_pinned_statuses",
        sa.Column("id", sa.UUID(), server_default=sa.text("gen_random_uuid()"), nullable=False),
        sa.Column("project_id", sa.UUID(), nullable=False),
        sa.Column("result_status_id", sa.UUID(), nullable=False),
        sa.Column("operator_id", sa.UUID(), nullable=False),
        sa.ForeignKeyConstraint(
            ["operator_id"],
            ["users.id"],
            name=op.f("fk_project_pinned_statuses_operator_id_users"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["project_id"],
            ["projects.id"],
            name=op.f("fk_project_pinned_statuses_project_id_projects"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["result_status_id"],
            ["result_statuses.id"],
            name=op.f("fk_project_pinned_statuses_result_status_id_result_statuses"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_project_pinned_statuses")),
        sa.UniqueConstraint(
            "project_id",
            "result_status_id",
            name=op.f("uq_project_pinned_statuses_project_id_result_status_id"),
        ),
    )
    op.create_index(
        op.f("ix_project_pinned_statuses_operator_id"),
        "project_pinned_statuses",
        ["operator_id"],
        unique=False,
    )
    op.create_index(
        op.f("ix_project_pinned_statuses_result_status_id"),
        "project_pinned_statuses",
        ["result_status_id"],
        unique=False,
    )
    op.create_table(
        "card_fields",
        sa.Column("id", sa.UUID(), server_default=sa.text("gen_random_uuid()"), nullable=False),
        sa.Column("project_id", sa.UUID(), nullable=False),
        sa.Column("key", sa.Text(), nullable=False),
        sa.Column("label", sa.Text(), nullable=False),
        sa.Column("field_type", sa.String(length=32), server_default="text", nullable=False),
        sa.Column("position", sa.Integer(), server_default="0", nullable=False),
        sa.Column("is_custom", sa.Boolean(), server_default=sa.text("true"), nullable=False),
        sa.Column("is_required", sa.Boolean(), server_default=sa.text("false"), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.CheckConstraint("key ~ '^[a-z][a-z0-9_]{0,62}$'", name=op.f("ck_card_fields_key_slug")),
        sa.ForeignKeyConstraint(
            ["project_id"],
            ["projects.id"],
            name=op.f("fk_card_fields_project_id_projects"),
            ondelete="CASCADE",
        ),
        sa.CheckConstraint(
            "field_type IN ('text', 'textarea', 'number', 'date', 'phone', 'email', 'select', 'checkbox')",
            name=op.f("ck_card_fields_field_type"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_card_fields")),
        sa.UniqueConstraint("project_id", "key", name=op.f("uq_card_fields_project_id_key")),
    )

    # trunks and projects reference each other; users.trunk_id waited for trunks.
    op.create_foreign_key(
        op.f("fk_trunks_inbound_project_id_projects"),
        "trunks",
        "projects",
        ["inbound_project_id"],
        ["id"],
        ondelete="SET NULL",
    )
    op.create_foreign_key(
        op.f("fk_users_trunk_id_trunks"), "users", "trunks", ["trunk_id"], ["id"], ondelete="SET NULL"
    )


def downgrade() -> None:
    op.drop_constraint(op.f("fk_users_trunk_id_trunks"), "users", type_="foreignkey")
    op.drop_constraint(op.f("fk_trunks_inbound_project_id_projects"), "trunks", type_="foreignkey")
    op.drop_table("card_fields")
    op.drop_table("project_pinned_statuses")
    op.drop_table("project_retry_rules")
    op.drop_table("project_weekday_intervals")
    op.drop_table("project_result_statuses")
    op.drop_table("project_groups")
    op.drop_table("project_supervisors")
    op.drop_table("projects")
    op.drop_table("trunks")
