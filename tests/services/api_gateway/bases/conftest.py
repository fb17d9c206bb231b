"""Contact base tests: the gateway app of the package plus the reporting service's import consumer on
the same database and exchange, uploads in a folder of this run, and writers for generated files."""

import csv
import io
import uuid
from collections.abc import AsyncIterator, Iterator, Sequence
from pathlib import Path
from typing import Any

import httpx
import pytest
import xlsxwriter
from obzvon_db.enums import UserRole
from obzvon_db.models import Project, User
from obzvon_gateway.context import GatewayContext
from obzvon_gateway.settings import GatewaySettings
from obzvon_platform.bus import Bus
from obzvon_reporting.bases.consumers import base_imports_consumer
from obzvon_reporting.bases.service import BaseImportRunner
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from tests.services.api_gateway.client import ApiClient
from tests.services.api_gateway.factories import add_project, add_user
from tests.services.api_gateway.waiting import eventually

XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
IMPORT_DEADLINE = 20.0


@pytest.fixture(scope="package", autouse=True)
def uploads_dir(gateway: GatewayContext, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """The gateway stores uploads (and temporary exports) here during these tests."""
    folder = tmp_path_factory.mktemp("uploads")
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(gateway.settings, "uploads_dir", folder)
        yield folder


@pytest.fixture(scope="package", autouse=True)
async def base_imports(gateway_settings: GatewaySettings, gateway: GatewayContext) -> AsyncIterator[None]:
    """The reporting service's consumer of `import_contact_base`, as `obzvon_reporting` runs it."""
    bus = Bus(gateway_settings.amqp_url, exchange=gateway_settings.exchange, connection_name="tests-imports")
    await bus.connect()
    consumer = base_imports_consumer(bus, BaseImportRunner(bus, gateway.resources.engine))
    await consumer.start()
    yield
    await consumer.stop()
    await bus.close()


def stored_files(folder: Path) -> set[str]:
    return {path.name for path in folder.iterdir() if path.is_file()}


async def project_of(sessions: async_sessionmaker[AsyncSession], supervisor: User) -> Project:
    """A fresh project of ``supervisor`` (phones are unique per project, so tests never share one)."""
    operator = await add_user(sessions, UserRole.OPERATOR)
    return await add_project(sessions, "bases", [supervisor], [operator])


def csv_bytes(rows: Sequence[Sequence[object]], *, encoding: str = "cp1251", delimiter: str = ";") -> bytes:
    text = io.StringIO()
    csv.writer(text, delimiter=delimiter, lineterminator="\r\n").writerows(rows)
    return text.getvalue().encode(encoding)


def xlsx_bytes(rows: Sequence[Sequence[object]]) -> bytes:
    """A workbook whose first sheet holds ``rows``; strings stay strings, numbers stay numbers."""
    out = io.BytesIO()
    workbook = xlsxwriter.Workbook(out, {"strings_to_numbers": False, "strings_to_formulas": False})
    sheet = workbook.add_worksheet("База")
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            if isinstance(value, str):
                sheet.write_string(r, c, value)
            elif value is not None:
                sheet.write(r, c, value)
    workbook.close()
    return out.getvalue()


def bases_url(project_id: uuid.UUID | str, rest: str = "") -> str:
    return f"/api/projects/{project_id}/bases{rest}"


async def upload(
    client: ApiClient, project_id: uuid.UUID | str, name: str, data: bytes, content_type: str = "text/csv"
) -> httpx.Response:
    files = {"file": (name, data, content_type)}
    return await client.http.post(bases_url(project_id, "/uploads"), files=files)


async def start_import(client: ApiClient, project_id: uuid.UUID | str, **body: Any) -> httpx.Response:
    return await client.http.post(bases_url(project_id), json=body)


async def finished_base(client: ApiClient, project_id: uuid.UUID, base_id: str) -> dict[str, Any]:
    """The base once its import has ended (polled: the bus is not watched here)."""
    found: dict[str, Any] = {}

    async def done() -> bool:
        response = await client.http.get(bases_url(project_id, f"/{base_id}"))
        assert response.status_code == 200, response.text
        found.update(response.json())
        return bool(found["status"] in ("ready", "failed"))

    await eventually(done, within=IMPORT_DEADLINE)
    return found


async def imported(
    client: ApiClient, project_id: uuid.UUID, name: str, data: bytes, **options: Any
) -> dict[str, Any]:
    """Upload, accept the suggested mapping (unless given) and wait for the import to end."""
    uploaded = await upload(client, project_id, name, data)
    assert uploaded.status_code == 201, uploaded.text
    body = {"upload_id": uploaded.json()["upload_id"], "mapping": uploaded.json()["mapping"], **options}
    started = await start_import(client, project_id, **body)
    assert started.status_code == 202, started.text
    return await finished_base(client, project_id, started.json()["base_id"])
