"""API models of contact bases (F-30..F-35)."""

import datetime as dt
import uuid
from enum import StrEnum
from typing import Annotated, Literal

from obzvon_db.enums import BaseImportStatus
from pydantic import BaseModel, ConfigDict, Field, StringConstraints

MAX_COLUMNS = 500
Tag = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=100)]
Target = Annotated[str, StringConstraints(min_length=1, max_length=120)]
Label = Annotated[str, StringConstraints(min_length=1, max_length=220)]


class TargetField(BaseModel):
    """A choice for a column: a card field (``phone``…), ``custom:<key>`` or ``ignore``."""

    value: str
    label_ru: str
    label_en: str


class UploadOut(BaseModel):
    """A stored upload waiting for its mapping: start the import with ``upload_id``."""

    upload_id: uuid.UUID
    file_name: str
    kind: Literal["xlsx", "csv"]
    header: list[str] = Field(description="The file's column labels, in order (unique).")
    mapping: dict[str, str] = Field(description="Suggested target of each column label.")
    fields: list[TargetField] = Field(description="Every target the mapping may use.")
    preview: list[list[str | None]] = Field(description="The first data rows, one cell per column.")
    total_rows: int = Field(description="Data rows in the file (an estimate for CSV).")


class ImportStart(BaseModel):
    model_config = ConfigDict(extra="forbid")

    upload_id: uuid.UUID
    name: str | None = Field(default=None, max_length=200, description="Default: the file name.")
    mapping: dict[Label, Target] = Field(
        max_length=MAX_COLUMNS, description="Column label → target; columns left out are ignored."
    )
    tags: list[Tag] = Field(default_factory=list, max_length=20)
    dedupe: bool = Field(default=True, description="«Проверка на дубли номеров в проекте».")
    remove_blacklisted: bool = Field(default=True, description="Leave blacklisted numbers out.")


class ImportAccepted(BaseModel):
    """The base exists (status ``processing``); progress and the end arrive over ``/ws``."""

    base_id: uuid.UUID
    status: BaseImportStatus


class BaseStatistics(BaseModel):
    """F-33: «Все, Прозвонили, Не отвечают, Занято, Ошибка, Новые»."""

    total: int
    called: int
    no_answer: int
    busy: int
    error: int
    new: int


class FileError(BaseModel):
    """Why a failed upload was refused (nothing was imported)."""

    code: str
    message_ru: str
    message_en: str


class BaseOut(BaseModel):
    id: uuid.UUID
    project_id: uuid.UUID
    name: str
    file_name: str
    status: BaseImportStatus
    tags: list[str]
    uploaded_by: uuid.UUID | None
    created_at: dt.datetime
    finished_at: dt.datetime | None
    total_rows: int
    processed_rows: int
    imported_rows: int
    rejected_rows: int
    duplicate_rows: int
    blacklisted_rows: int
    error: FileError | None = None
    statistics: BaseStatistics


class BaseList(BaseModel):
    items: list[BaseOut] = Field(description="Bases of the project, newest first.")
    statistics: BaseStatistics = Field(description="The whole project's contacts.")


class ExportFormat(StrEnum):
    """The file of a contacts download (F-34); which contacts is ``ExportKind``."""

    CSV = "csv"
    XLSX = "xlsx"


class RemovedNumbers(BaseModel):
    """Contacts of the base removed because their numbers are blacklisted («Удалить номера»)."""

    removed: int
