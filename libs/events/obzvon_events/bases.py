"""Events about contact base imports (F-30, F-35): progress for the upload's progress bar, and the end."""

from uuid import UUID

from pydantic import Field

from obzvon_events.base import Event


class ContactBaseImportProgressed(Event):
    """Sent by reporting while it imports a base, after each chunk of rows (a live hint, may be lost).

    The gateway pushes it to the uploader, admins and the project's supervisors (the progress bar).
    """

    name = "contact_base_import_progressed"
    version = 1
    routing_key = "contact_base.import.progressed"
    produced_by = "reporting"

    base_id: UUID
    project_id: UUID
    uploaded_by: UUID | None = Field(default=None, description="Who started the import.")
    processed: int = Field(ge=0, description="Data rows read so far.")
    total: int = Field(ge=0, description="Data rows in the file (an estimate for CSV).")


class ContactBaseImportFinished(Event):
    """Sent by reporting after an import ended and its outcome is committed: ``ready`` with the row
    counters, or ``failed`` with the reason (nothing was imported then). Pushed like the progress."""

    name = "contact_base_import_finished"
    version = 1
    routing_key = "contact_base.import.finished"
    produced_by = "reporting"

    base_id: UUID
    project_id: UUID
    uploaded_by: UUID | None = Field(default=None, description="Who started the import.")
    status: str = Field(description="ready or failed.")
    total_rows: int = Field(default=0, description="Data rows read.")
    imported_rows: int = Field(default=0, description="Contacts added to the project.")
    rejected_rows: int = Field(default=0, description="Rows skipped for an error (see the error report).")
    duplicate_rows: int = Field(default=0, description="Numbers skipped as duplicates.")
    blacklisted_rows: int = Field(default=0, description="Blacklisted numbers.")
    error_code: str | None = Field(default=None, description="Why the file was refused (failed only).")
    error_ru: str | None = Field(default=None, description="The reason in Russian.")
    error_en: str | None = Field(default=None, description="The reason in English.")
