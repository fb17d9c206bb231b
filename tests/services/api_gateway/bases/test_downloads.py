"""The per-row error report and the contact downloads are attachments that spreadsheets cannot run
as formulas (F-34, F-35; reliability.md §5 formula injection, ASVS 1.2.10)."""

import csv
import html
import io
import re
import zipfile
from pathlib import Path
from typing import Any

import pytest
from python_calamine import CalamineWorkbook
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from tests.services.api_gateway.bases.conftest import XLSX_TYPE, bases_url, imported, project_of, xlsx_bytes
from tests.services.api_gateway.client import ApiClient
from tests.services.api_gateway.conftest import ClientFactory
from tests.services.api_gateway.factories import World
from tests.services.api_gateway.projects.helpers import signed_in

EVIL = '=HYPERLINK("http://x",A1)'
ROWS: list[list[object]] = [
    ["phone", "full_name", "description"],
    [79161234567.0, EVIL, "+1 звонок"],  # an Excel number cell
    ["8 916 123-45-68", "Обычный", None],
    ["=79161234569", "Формула в телефоне", None],
    ["8 916 123-45-70", "Новый", "@SUM(1)"],
]


def csv_rows(content: bytes) -> list[list[str]]:
    assert content.startswith(b"\xef\xbb\xbf")  # Excel opens UTF-8 with Cyrillic intact
    return list(csv.reader(io.StringIO(content[3:].decode()), delimiter=";"))


@pytest.fixture
async def admin(client_factory: ClientFactory, world: World) -> ApiClient:
    return await signed_in(client_factory, world.admin)


@pytest.fixture
async def xlsx_base(
    admin: ApiClient, sessions: async_sessionmaker[AsyncSession], world: World
) -> dict[str, Any]:
    """An XLSX base of four rows (one rejected), two contacts then dialled without an answer."""
    project = await project_of(sessions, world.sup_a)
    base = await imported(admin, project.id, "база.xlsx", xlsx_bytes(ROWS), tags=["Тест"])
    assert (base["status"], base["imported_rows"], base["rejected_rows"]) == ("ready", 3, 1)
    async with sessions() as db:
        await db.execute(
            text("UPDATE contacts SET status = 'no_answer' WHERE project_id = :p AND phone = '79161234567'"),
            {"p": project.id},
        )
        await db.execute(
            text("UPDATE contacts SET status = 'busy' WHERE project_id = :p AND phone = '79161234568'"),
            {"p": project.id},
        )
        await db.commit()
    return base


async def test_the_error_report_is_a_formula_safe_csv_attachment(
    admin: ApiClient, xlsx_base: dict[str, Any]
) -> None:
    """F-35: row, column, value, code and message of each rejected row."""
    url = bases_url(xlsx_base["project_id"], f"/{xlsx_base['id']}/error-report")
    response = await admin.http.get(url)
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/csv")
    assert response.headers["content-disposition"].startswith("attachment;")
    header, *rows = csv_rows(response.content)
    assert header[:4] == ["Строка", "Столбец", "Значение", "Код"]
    assert len(rows) == 1
    row_no, column, value = rows[0][:3]
    assert (row_no, column) == ("4", "phone")
    assert value == "'=79161234569"  # the offending value is shown, defused


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
async def test_unanswered_and_not_called_contacts_download(
    admin: ApiClient, xlsx_base: dict[str, Any], fmt: str
) -> None:
    """F-34: «Скачать неотвеченные / непрозвоненные контакты» of a base, as CSV and XLSX."""
    project_id, base_id = xlsx_base["project_id"], xlsx_base["id"]
    found: dict[str, list[list[Any]]] = {}
    for kind in ("unanswered", "not_called"):
        response = await admin.http.get(
            bases_url(project_id, f"/{base_id}/export"), params={"kind": kind, "format": fmt}
        )
        assert response.status_code == 200, response.text
        assert response.headers["content-disposition"].startswith("attachment;")
        assert response.headers["content-disposition"].endswith(f'.{fmt}"')
        if fmt == "csv":
            found[kind] = csv_rows(response.content)
        else:
            assert response.headers["content-type"] == XLSX_TYPE
            found[kind] = (
                CalamineWorkbook.from_filelike(io.BytesIO(response.content)).get_sheet_by_index(0).to_python()
            )
    assert [row[0] for row in found["unanswered"][1:]] == ["79161234567", "79161234568"]
    assert [row[0] for row in found["not_called"][1:]] == ["79161234570"]
    name, description = found["unanswered"][1][1], found["unanswered"][1][6]
    if fmt == "csv":
        assert (name, description) == ("'" + EVIL, "'+1 звонок")
    else:
        assert (name, description) == (EVIL, "+1 звонок")


async def test_an_exported_cell_starting_with_equals_stays_text_in_xlsx(
    admin: ApiClient, xlsx_base: dict[str, Any]
) -> None:
    """The contact named `=HYPERLINK(…)` is a string cell of the XLSX, never a formula (`<f>`)."""
    response = await admin.http.get(
        bases_url(xlsx_base["project_id"], "/export"), params={"kind": "unanswered", "format": "xlsx"}
    )
    assert response.status_code == 200
    with zipfile.ZipFile(io.BytesIO(response.content)) as archive:
        sheet = archive.read("xl/worksheets/sheet1.xml").decode()
    found = re.search(r'<c r="B2"[^>]*>.*?</c>', sheet)
    assert found is not None
    cell = found.group(0)
    assert 't="inlineStr"' in cell and "<f" not in cell
    assert html.unescape(re.sub(r"<[^>]+>", "", cell)) == EVIL


async def test_downloads_leave_no_temporary_file_and_are_audited(
    admin: ApiClient, xlsx_base: dict[str, Any], sessions: async_sessionmaker[AsyncSession], uploads_dir: Path
) -> None:
    """ASVS 16.2: exports and downloads leave an audit row; the file written for a download is gone."""
    url = bases_url(xlsx_base["project_id"], f"/{xlsx_base['id']}")
    assert (await admin.http.get(f"{url}/export", params={"kind": "not_called"})).status_code == 200
    assert (await admin.http.get(f"{url}/error-report")).status_code == 200
    assert list((uploads_dir / "exports").iterdir()) == []
    async with sessions() as db:
        actions = await db.scalars(
            text("SELECT action FROM audit_log WHERE object_id = :id"), {"id": xlsx_base["id"]}
        )
        assert {"contacts.exported", "base.error_report_downloaded", "base.import_started"} <= set(actions)


async def test_blacklisted_numbers_are_removed_from_a_loaded_base(
    admin: ApiClient, xlsx_base: dict[str, Any]
) -> None:
    """«Убрать номера из базы, отфильтровав их по черному списку» (A §5.5, F-31)."""
    project_id, base_id = xlsx_base["project_id"], xlsx_base["id"]
    added = await admin.http.post("/api/blacklist", json={"phone": "8 (916) 123-45-70"})
    assert added.status_code == 201
    try:
        response = await admin.http.post(bases_url(project_id, f"/{base_id}/remove-blacklisted"))
    finally:  # the blacklist is global: leave it as other tests expect it
        assert (await admin.http.delete(f"/api/blacklist/{added.json()['id']}")).status_code == 204
    assert response.status_code == 200
    assert response.json() == {"removed": 1}
    detail = (await admin.http.get(bases_url(project_id, f"/{base_id}"))).json()
    assert detail["statistics"]["total"] == 2 and detail["statistics"]["new"] == 0
