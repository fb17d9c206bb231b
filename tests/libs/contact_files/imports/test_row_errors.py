"""F-35 / reliability §8: every bad phone gives a clean per-row error and the good rows still load."""

import datetime as dt
import uuid
from pathlib import Path

import asyncpg
import pytest
from obzvon_contact_files.imports import import_base, stored_error_report_csv

from ..import_fixtures import write_csv, write_xlsx

BAD_PHONES: list[tuple[object, str]] = [
    (" ", "empty"),
    ("+7", "too_short"),
    ("+7 916 123 45 67 доб. 12", "extension"),
    ("+79161234567890", "too_long"),
    ("79161234567;79161234568", "multiple_numbers"),
    ("8916123456О", "letters"),
    ("=79161234567", "formula"),
    ("1" * 10_000, "too_long"),
    ("☎️", "invalid_characters"),
    ("+380501234567", "foreign"),
    ("+375291234567", "foreign"),
    ("+12125551234", "foreign"),
    ("112", "emergency"),
    ("101", "emergency"),
    ("104", "emergency"),
    ("01", "emergency"),
    ("04", "emergency"),
    ("8-809-123-45-67", "premium"),
    (dt.datetime(2024, 3, 1), "invalid_type"),
]
GOOD_PHONES: list[object] = [
    "8 (916) 123-45-67",
    "89161234568",
    "9161234569",
    "７９１６１２３４５７０",
    "٧٩١٦١٢٣٤٥٧١",
    "\u200b+7 916 123 45 72\u202e",
    "7916\x001234573",
    7.9161234574e10,
    "7.9161234575E10",
    "'79161234576",
]


@pytest.mark.parametrize("kind", ["xlsx", "csv"])
async def test_bad_phones_are_reported_per_row(
    pg: asyncpg.Connection, project_id: uuid.UUID, tmp_path: Path, kind: str
) -> None:
    rows: list[list[object]] = [["Телефон", "Имя"]]
    rows += [[phone, f"bad {i}"] for i, (phone, _) in enumerate(BAD_PHONES)]
    rows += [[phone, f"good {i}"] for i, phone in enumerate(GOOD_PHONES)]
    if kind == "csv":
        rows = [
            [cell.strftime("%d.%m.%Y") if isinstance(cell, dt.date) else cell for cell in row] for row in rows
        ]
        rows = [[str(cell).replace("\x00", "") for cell in row] for row in rows]
        path = write_csv(tmp_path / "upload", rows)
    else:
        path = write_xlsx(tmp_path / "upload", rows)
    report = await import_base(pg, project_id=project_id, path=path, filename=f"base.{kind}")
    assert report.ok
    assert report.imported_rows == len(GOOD_PHONES)
    expected = [(row, "Телефон", code) for row, (_, code) in enumerate(BAD_PHONES, start=2)]
    if kind == "csv":  # in a text file a date is digits and dots: too few digits
        expected[-1] = (expected[-1][0], "Телефон", "too_short")
    assert [(e.row, e.column, e.code) for e in report.errors] == expected
    assert all(e.message_ru and e.message_en and e.rejected for e in report.errors)
    assert max(len(e.value) for e in report.errors) <= 200
    stored = await pg.fetch("SELECT phone FROM contacts WHERE project_id = $1 ORDER BY seq", project_id)
    assert [row["phone"] for row in stored] == [f"791612345{n:02d}" for n in range(67, 77)]


async def test_blank_rows_are_skipped_quietly(
    pg: asyncpg.Connection, project_id: uuid.UUID, tmp_path: Path
) -> None:
    path = write_xlsx(
        tmp_path / "upload", [["phone", "name"], [], ["89161234567", "A"], [None, None], ["", "B"]]
    )
    report = await import_base(pg, project_id=project_id, path=path, filename="a.xlsx")
    assert (report.imported_rows, report.empty_rows) == (1, 2)
    assert [(e.row, e.code) for e in report.errors] == [(5, "empty")]


async def test_unreadable_birth_date_is_a_warning(
    pg: asyncpg.Connection, project_id: uuid.UUID, tmp_path: Path
) -> None:
    path = write_csv(tmp_path / "upload", [["phone", "birth_date"], ["89161234567", "31.02.1980"]])
    report = await import_base(pg, project_id=project_id, path=path, filename="a.csv")
    assert report.imported_rows == 1 and report.warnings == 1
    (warning,) = report.errors
    assert (warning.code, warning.rejected, warning.value) == ("invalid_birth_date", False, "31.02.1980")


async def test_error_report_csv_is_safe_to_open(
    pg: asyncpg.Connection, project_id: uuid.UUID, tmp_path: Path
) -> None:
    """The downloadable report defuses values such as =cmd|'/C calc'!A0."""
    path = write_csv(tmp_path / "upload", [["phone"], ["=cmd|'/C calc'!A0"], ["89161234567"]])
    report = await import_base(pg, project_id=project_id, path=path, filename="a.csv")
    text = report.error_report_csv()
    lines = text.splitlines()
    assert lines[0].startswith("Строка;Столбец;Значение;Код;Ошибка")
    assert lines[1].startswith("2;phone;'=cmd|'/C calc'!A0;formula;")


async def test_report_can_be_downloaded_later(
    pg: asyncpg.Connection, project_id: uuid.UUID, tmp_path: Path
) -> None:
    """F-35: the report is kept with the base and rebuilt for download."""
    path = write_csv(tmp_path / "upload", [["phone"], ["112"], ["89161234567"], ["+380501234567"]])
    report = await import_base(pg, project_id=project_id, path=path, filename="a.csv")
    assert report.base_id is not None
    text = await stored_error_report_csv(pg, report.base_id)
    assert text == report.error_report_csv()
    assert [line.split(";")[3] for line in text.splitlines()[1:]] == ["emergency", "foreign"]
    assert await stored_error_report_csv(pg, uuid.uuid4()) is None
