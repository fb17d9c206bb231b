"""F-34: unanswered / not-called contacts as CSV and XLSX, safe against formula injection (ASVS 1.2.10)."""

import csv
import io
import uuid
import zipfile
from pathlib import Path

import asyncpg
import pytest
from obzvon_contact_files.exports import ExportKind, csv_safe, export_contacts_csv, export_contacts_xlsx
from obzvon_contact_files.imports import import_base

from ..import_fixtures import write_xlsx

EVIL = '=HYPERLINK("http://x",A1)'


@pytest.fixture
async def base(pg: asyncpg.Connection, project_id: uuid.UUID, tmp_path: Path) -> uuid.UUID:
    rows: list[list[object]] = [
        ["phone", "full_name", "description"],
        ["89161234567", EVIL, "+1 звонок"],
        ["89161234568", "@SUM(1)", "-2"],
        ["89161234569", "Обычный", "=cmd|'/C calc'!A0"],
        ["89161234570", "Новый", None],
    ]
    report = await import_base(
        pg, project_id=project_id, path=write_xlsx(tmp_path / "up", rows), filename="a.xlsx"
    )
    assert report.base_id is not None
    await pg.execute(
        "UPDATE contacts SET status = 'no_answer', attempts_count = 1 WHERE phone = '79161234567'"
    )
    await pg.execute("UPDATE contacts SET status = 'busy', attempts_count = 2 WHERE phone = '79161234568'")
    await pg.execute("UPDATE contacts SET status = 'called', attempts_count = 1 WHERE phone = '79161234569'")
    return report.base_id


async def test_csv_export(pg: asyncpg.Connection, project_id: uuid.UUID, base: uuid.UUID) -> None:
    out = io.BytesIO()
    await export_contacts_csv(pg, out, project_id=project_id, base_id=base, kind=ExportKind.UNANSWERED)
    data = out.getvalue()
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(data[3:].decode()), delimiter=";"))
    assert rows[0][:3] == ["Тел.", "ФИО", "E-mail"]
    assert [row[0] for row in rows[1:]] == ["79161234567", "79161234568"]  # digits, no "+"
    assert rows[1][1] == "'" + EVIL and rows[1][6] == "'+1 звонок"
    assert rows[2][1] == "'@SUM(1)" and rows[2][6] == "'-2"
    assert rows[1][12] == "1"  # attempts count is a number, not defused
    fresh = io.BytesIO()
    await export_contacts_csv(pg, fresh, project_id=project_id, base_id=base, kind=ExportKind.NOT_CALLED)
    assert [row[0] for row in csv.reader(io.StringIO(fresh.getvalue()[3:].decode()), delimiter=";")][1:] == [
        "79161234570"
    ]


async def test_xlsx_export_keeps_formulas_as_text(
    pg: asyncpg.Connection, project_id: uuid.UUID, base: uuid.UUID, tmp_path: Path
) -> None:
    path = tmp_path / "out.xlsx"
    count = await export_contacts_xlsx(
        pg, path, project_id=project_id, base_id=base, kind=ExportKind.UNANSWERED
    )
    assert count == 2
    with zipfile.ZipFile(path) as archive:
        sheet = archive.read("xl/worksheets/sheet1.xml").decode()
        shared = (
            archive.read("xl/sharedStrings.xml").decode()
            if "xl/sharedStrings.xml" in archive.namelist()
            else ""
        )
    assert "<f>" not in sheet and "<f " not in sheet
    assert "HYPERLINK" in sheet + shared
    assert 't="inlineStr"' in sheet or 't="s"' in sheet
    from python_calamine import CalamineWorkbook

    rows = CalamineWorkbook.from_path(str(path)).get_sheet_by_index(0).to_python()
    assert rows[1][:2] == ["79161234567", EVIL]
    assert rows[2][1] == "@SUM(1)" and rows[1][12] == 1


def test_csv_safe() -> None:
    assert [csv_safe(v) for v in ["=1", "+7", "-", "@a", "\tx", "\rx", "ok", None, 5]] == [
        "'=1", "'+7", "'-", "'@a", "'\tx", "'\rx", "ok", "", "5",
    ]  # fmt: skip
