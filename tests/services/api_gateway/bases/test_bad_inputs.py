"""Bad uploads and bad mappings are problem+json in Russian and English, never a 500, and leave no
file behind (reliability.md §5 uploads, §8; F-30)."""

import io
import uuid
import zipfile
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from obzvon_gateway.context import GatewayContext
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from tests.services.api_gateway.bases.conftest import (
    XLSX_TYPE,
    bases_url,
    csv_bytes,
    project_of,
    start_import,
    stored_files,
    upload,
)
from tests.services.api_gateway.client import ApiClient
from tests.services.api_gateway.conftest import ClientFactory
from tests.services.api_gateway.factories import World
from tests.services.api_gateway.projects.helpers import signed_in

ENGLISH = {"Accept-Language": "en"}


def zip_bomb() -> bytes:
    """A workbook-shaped zip whose sheet inflates about a thousand times (refused from its directory)."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("xl/worksheets/sheet1.xml", b" " * (20 * 1024 * 1024))
    return out.getvalue()


def assert_refused(response_status: int, body: dict[str, object], status: int, code: str) -> None:
    assert response_status == status, body
    assert body["code"] == code
    assert body["status"] == status and body["detail"]


@pytest.fixture
async def admin(client_factory: ClientFactory, world: World) -> ApiClient:
    return await signed_in(client_factory, world.admin)


@pytest.mark.parametrize(
    ("name", "data", "code"),
    [
        ("bomb.xlsx", zip_bomb(), "zip_bomb"),
        ("report.pdf", b"%PDF-1.4 not a base", "unsupported_format"),
        ("renamed.xlsx", b"phone\n79161234567\n", "not_xlsx"),
        ("old.xls", bytes.fromhex("d0cf11e0a1b11ae1") + b"\0" * 512, "legacy_xls"),
        ("empty.csv", b"", "empty_file"),
    ],
)
async def test_a_refused_file_is_a_clean_422_and_is_not_kept(
    admin: ApiClient,
    sessions: async_sessionmaker[AsyncSession],
    world: World,
    uploads_dir: Path,
    name: str,
    data: bytes,
    code: str,
) -> None:
    project = await project_of(sessions, world.sup_a)
    before = stored_files(uploads_dir)
    response = await upload(admin, project.id, name, data, XLSX_TYPE)
    assert_refused(response.status_code, response.json(), 422, code)
    assert response.headers["content-type"] == "application/problem+json"
    assert stored_files(uploads_dir) == before


async def test_the_zip_bomb_is_explained_in_english_on_request(
    admin: ApiClient, sessions: async_sessionmaker[AsyncSession], world: World
) -> None:
    project = await project_of(sessions, world.sup_a)
    files = {"file": ("bomb.xlsx", zip_bomb(), XLSX_TYPE)}
    response = await admin.http.post(bases_url(project.id, "/uploads"), files=files, headers=ENGLISH)
    assert response.json()["detail"].startswith("The file is compressed suspiciously well")


async def test_an_oversized_upload_is_refused_with_413_while_streaming(
    admin: ApiClient,
    sessions: async_sessionmaker[AsyncSession],
    world: World,
    gateway: GatewayContext,
    uploads_dir: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The cap holds without a Content-Length too (a chunked body is counted as it arrives)."""
    project = await project_of(sessions, world.sup_a)
    monkeypatch.setattr(gateway.settings, "upload_max_bytes", 100_000)
    before = stored_files(uploads_dir)
    declared = await upload(admin, project.id, "big.csv", b"7" * 300_000)
    assert_refused(declared.status_code, declared.json(), 413, "file_too_large")
    boundary = uuid.uuid4().hex

    async def chunked_body() -> AsyncIterator[bytes]:
        disposition = 'Content-Disposition: form-data; name="file"; filename="big.csv"'
        yield f"--{boundary}\r\n{disposition}\r\n\r\n".encode()
        for _ in range(20):
            yield b"79161234567\r\n" * 1000
        yield f"\r\n--{boundary}--\r\n".encode()

    streamed = await admin.http.post(
        bases_url(project.id, "/uploads"),
        content=chunked_body(),
        headers={"Content-Type": f"multipart/form-data; boundary={boundary}"},
    )
    assert_refused(streamed.status_code, streamed.json(), 413, "file_too_large")
    assert stored_files(uploads_dir) == before


async def test_a_request_without_a_file_is_422(
    admin: ApiClient, sessions: async_sessionmaker[AsyncSession], world: World
) -> None:
    project = await project_of(sessions, world.sup_a)
    as_json = await admin.http.post(bases_url(project.id, "/uploads"), json={"file": "x"})
    assert_refused(as_json.status_code, as_json.json(), 422, "file_required")
    other_field = await admin.http.post(
        bases_url(project.id, "/uploads"), files={"document": ("a.csv", b"phone\n1\n", "text/csv")}
    )
    assert_refused(other_field.status_code, other_field.json(), 422, "file_required")


async def test_mapping_errors_are_422_with_russian_and_english_messages(
    admin: ApiClient, sessions: async_sessionmaker[AsyncSession], world: World
) -> None:
    """F-30: without a phone column, with an unknown column or a field chosen twice, nothing starts."""
    project = await project_of(sessions, world.sup_a)
    rows = [["Телефон", "Имя", "Моб."], ["79161234567", "Анна", "79161234568"]]
    upload_id = (await upload(admin, project.id, "m.csv", csv_bytes(rows))).json()["upload_id"]
    cases = [
        ({"Телефон": "ignore", "Имя": "full_name"}, "no_phone_column", "Укажите, в каком столбце телефон"),
        ({"Телефон": "phone", "Возраст": "custom:age"}, "unknown_column", "В файле нет столбца «Возраст»"),
        ({"Телефон": "phone", "Моб.": "phone"}, "field_mapped_twice", "Поле phone выбрано для нескольких"),
        ({"Телефон": "phone", "Имя": "nickname"}, "unknown_field", "Неизвестное поле «nickname»"),
    ]
    for mapping, code, russian in cases:
        response = await start_import(admin, project.id, upload_id=upload_id, mapping=mapping)
        assert_refused(response.status_code, response.json(), 422, code)
        assert response.json()["detail"].startswith(russian)
        assert response.json()["errors"][0]["loc"] == ["body", "mapping"]
    english = await admin.http.post(
        bases_url(project.id), json={"upload_id": upload_id, "mapping": {"Имя": "full_name"}}, headers=ENGLISH
    )
    assert english.json()["detail"] == "Choose the column that holds the phone number"
    assert (await admin.http.get(bases_url(project.id))).json()["items"] == []


async def test_an_upload_is_imported_once_and_unknown_uploads_are_404(
    admin: ApiClient, sessions: async_sessionmaker[AsyncSession], world: World
) -> None:
    project = await project_of(sessions, world.sup_a)
    uploaded = (await upload(admin, project.id, "o.csv", csv_bytes([["phone"], ["79161230001"]]))).json()
    first = await start_import(
        admin, project.id, upload_id=uploaded["upload_id"], mapping=uploaded["mapping"]
    )
    assert first.status_code == 202
    again = await start_import(
        admin, project.id, upload_id=uploaded["upload_id"], mapping=uploaded["mapping"]
    )
    assert_refused(again.status_code, again.json(), 409, "import_started")
    other_project = await project_of(sessions, world.sup_a)
    elsewhere = await start_import(
        admin, other_project.id, upload_id=uploaded["upload_id"], mapping=uploaded["mapping"]
    )
    assert_refused(elsewhere.status_code, elsewhere.json(), 404, "not_found")
    unknown = await start_import(admin, project.id, upload_id=str(uuid.uuid4()), mapping={"phone": "phone"})
    assert_refused(unknown.status_code, unknown.json(), 404, "not_found")


async def test_the_users_file_name_is_never_a_path(
    admin: ApiClient, sessions: async_sessionmaker[AsyncSession], world: World, uploads_dir: Path
) -> None:
    """ASVS 5.3.2: path parts and bidi overrides are dropped; the file is stored under a generated name."""
    project = await project_of(sessions, world.sup_a)
    before = stored_files(uploads_dir)
    name = "../../etc/база\u202ecsv.exe\u200b.csv"
    response = await upload(admin, project.id, name, csv_bytes([["phone"], ["79161234567"]]))
    assert response.status_code == 201, response.text
    assert response.json()["file_name"] == "базаcsv.exe.csv"
    (added,) = stored_files(uploads_dir) - before
    assert len(added) == 32 and all(ch in "0123456789abcdef" for ch in added)


async def test_a_body_cut_short_is_400_and_not_kept(
    admin: ApiClient, sessions: async_sessionmaker[AsyncSession], world: World, uploads_dir: Path
) -> None:
    """A connection that drops mid-file must not leave half a base to import."""
    project = await project_of(sessions, world.sup_a)
    before = stored_files(uploads_dir)
    boundary = uuid.uuid4().hex
    body = (
        f'--{boundary}\r\nContent-Disposition: form-data; name="file"; filename="cut.csv"\r\n\r\n'
        "phone\r\n79161234567\r\n7916"
    ).encode()
    response = await admin.http.post(
        bases_url(project.id, "/uploads"),
        content=body,
        headers={"Content-Type": f"multipart/form-data; boundary={boundary}"},
    )
    assert_refused(response.status_code, response.json(), 400, "bad_multipart")
    assert stored_files(uploads_dir) == before
