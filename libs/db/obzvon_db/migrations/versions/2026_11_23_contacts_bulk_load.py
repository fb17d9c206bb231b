"""``contacts`` ready for million-row base uploads (F-35): fewer indexes, set-based parent checks.

Revision ID: 3e8b6a1f0c52
Revises: 7d3f9a2c4e18
Create Date: 2026-11-23

Indexes — a row of a fresh upload now enters five instead of ten:

- ``ix_contacts_dialer_queue`` (project, seq) over dialable, live contacts replaces the dialer's two
  indexes (project+seq over every contact, project+next attempt): the dialer takes due contacts in base
  order, and finished contacts drop out of the index.
- ``ix_contacts_project_status`` and ``ix_contacts_project_updated`` go: queries by project use the
  leading column of ``uq_contacts_project_phone``; nothing reads contacts by update time.
- ``uq_contacts_seq`` goes: ``seq`` comes from an identity sequence.
- ``ix_contacts_last_operator_id`` keeps only rows that have an operator (fresh uploads have none).

Foreign keys ``project_id`` and ``base_id`` — a constraint runs one query per inserted row (a third of
an upload's time); triggers do the same work once per statement:

- after an INSERT, one query over the statement's new rows locks their projects and bases
  ``FOR KEY SHARE`` (as the constraint's check does) and raises ``foreign_key_violation`` if one is missing;
- an UPDATE that changes either column is checked the same way, row by row (it is rare);
- deleting projects deletes their contacts (was ON DELETE CASCADE); deleting bases clears the contacts'
  ``base_id`` (was ON DELETE SET NULL).
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "3e8b6a1f0c52"
down_revision: str | None = "7d3f9a2c4e18"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_DIALABLE = "deleted_at IS NULL AND status IN ('new', 'no_answer', 'busy', 'machine', 'lost', 'error')"
_FOREIGN_KEYS = (
    ("fk_contacts_project_id_projects", "projects", "project_id", "CASCADE"),
    ("fk_contacts_base_id_contact_bases", "contact_bases", "base_id", "SET NULL"),
)

_FUNCTIONS = (
    """
CREATE FUNCTION contacts_check_parents() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    orphan record;
BEGIN
    PERFORM 1 FROM projects WHERE id IN (SELECT project_id FROM new_contacts) FOR KEY SHARE;
    PERFORM 1 FROM contact_bases WHERE id IN (SELECT base_id FROM new_contacts) FOR KEY SHARE;
    SELECT n.project_id, n.base_id INTO orphan
    FROM (SELECT DISTINCT project_id, base_id FROM new_contacts) AS n
    WHERE NOT EXISTS (SELECT 1 FROM projects AS p WHERE p.id = n.project_id)
       OR (n.base_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM contact_bases AS b WHERE b.id = n.base_id))
    LIMIT 1;
    IF FOUND THEN
        RAISE foreign_key_violation USING
            MESSAGE = format('contacts: project %s or contact base %s does not exist',
                             orphan.project_id, orphan.base_id);
    END IF;
    RETURN NULL;
END $$
    """,
    """
CREATE FUNCTION contacts_check_parents_of_row() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM 1 FROM projects WHERE id = NEW.project_id FOR KEY SHARE;
    IF NOT FOUND THEN
        RAISE foreign_key_violation USING MESSAGE = format('contacts: project %s does not exist', NEW.project_id);
    END IF;
    IF NEW.base_id IS NOT NULL THEN
        PERFORM 1 FROM contact_bases WHERE id = NEW.base_id FOR KEY SHARE;
        IF NOT FOUND THEN
            RAISE foreign_key_violation USING
                MESSAGE = format('contacts: contact base %s does not exist', NEW.base_id);
        END IF;
    END IF;
    RETURN NULL;
END $$
    """,
    """
CREATE FUNCTION projects_delete_contacts() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM contacts WHERE project_id IN (SELECT id FROM old_projects);
    RETURN NULL;
END $$
    """,
    """
CREATE FUNCTION contact_bases_release_contacts() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE contacts SET base_id = NULL WHERE base_id IN (SELECT id FROM old_bases);
    RETURN NULL;
END $$
    """,
)

_TRIGGERS = (
    """
CREATE TRIGGER contacts_parents_on_insert AFTER INSERT ON contacts
    REFERENCING NEW TABLE AS new_contacts FOR EACH STATEMENT EXECUTE FUNCTION contacts_check_parents()
    """,
    """
CREATE TRIGGER contacts_parents_on_update AFTER UPDATE OF project_id, base_id ON contacts FOR EACH ROW
    WHEN (OLD.project_id IS DISTINCT FROM NEW.project_id OR OLD.base_id IS DISTINCT FROM NEW.base_id)
    EXECUTE FUNCTION contacts_check_parents_of_row()
    """,
    """
CREATE TRIGGER projects_delete_contacts AFTER DELETE ON projects
    REFERENCING OLD TABLE AS old_projects FOR EACH STATEMENT EXECUTE FUNCTION projects_delete_contacts()
    """,
    """
CREATE TRIGGER contact_bases_release_contacts AFTER DELETE ON contact_bases
    REFERENCING OLD TABLE AS old_bases FOR EACH STATEMENT EXECUTE FUNCTION contact_bases_release_contacts()
    """,
)

_DROP = (
    "DROP TRIGGER contact_bases_release_contacts ON contact_bases",
    "DROP TRIGGER projects_delete_contacts ON projects",
    "DROP TRIGGER contacts_parents_on_update ON contacts",
    "DROP TRIGGER contacts_parents_on_insert ON contacts",
    "DROP FUNCTION contact_bases_release_contacts()",
    "DROP FUNCTION projects_delete_contacts()",
    "DROP FUNCTION contacts_check_parents_of_row()",
    "DROP FUNCTION contacts_check_parents()",
)

def upgrade() -> None:
    op.create_index(
        "ix_contacts_dialer_queue", "contacts", ["project_id", "seq"], postgresql_where=sa.text(_DIALABLE)
    )
    for name in (
        "ix_contacts_dialer_due",
        "ix_contacts_project_seq",
        "ix_contacts_project_status",
        "ix_contacts_project_updated",
        "ix_contacts_last_operator_id",
    ):
        op.drop_index(name, table_name="contacts")
    op.drop_constraint("uq_contacts_seq", "contacts", type_="unique")
    op.create_index(
        "ix_contacts_last_operator_id",
        "contacts",
        ["last_operator_id"],
        postgresql_where=sa.text("last_operator_id IS NOT NULL"),
    )
    for name, _, _, _ in _FOREIGN_KEYS:
        op.drop_constraint(name, "contacts", type_="foreignkey")
    for statement in (*_FUNCTIONS, *_TRIGGERS):
        op.execute(statement)


def downgrade() -> None:
    for statement in _DROP:
        op.execute(statement)
    for name, parent, column, on_delete in _FOREIGN_KEYS:
        op.create_foreign_key(name, "contacts", parent, [column], ["id"], ondelete=on_delete)
    op.drop_index("ix_contacts_last_operator_id", table_name="contacts")
    op.create_index("ix_contacts_last_operator_id", "contacts", ["last_operator_id"])
    op.create_unique_constraint("uq_contacts_seq", "contacts", ["seq"])
    op.create_index("ix_contacts_project_updated", "contacts", ["project_id", "updated_at"])
    op.create_index("ix_contacts_project_status", "contacts", ["project_id", "status"])
    op.create_index("ix_contacts_project_seq", "contacts", ["project_id", "seq"])
    op.create_index(
        "ix_contacts_dialer_due", "contacts", ["project_id", "next_attempt_at"], postgresql_where=sa.text(_DIALABLE)
    )
    op.drop_index("ix_contacts_dialer_queue", table_name="contacts")
