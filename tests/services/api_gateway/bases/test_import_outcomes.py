"""How an import ends when the file only looks fine, and that a command runs at most once (F-35)."""

import uuid
from pathlib import Path

from obzvon_events.commands import ImportContactBase
from obzvon_gateway.context import GatewayContext
from obzvon_reporting.bases.service import BaseImportRunner
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from tests.services.api_gateway.bases.conftest import (
    bases_url,
    csv_bytes,
    finished_base,
    imported,
    project_of,
    start_import,
    upload,
)
from tests.services.api_gateway.conftest import ClientFactory
from tests.services.api_gateway.factories import World
from tests.services.api_gateway.projects.helpers import signed_in


async def test_a_file_without_data_rows_fails_with_its_reason(
    client_factory: ClientFactory, sessions: async_sessionmaker[AsyncSession], world: World
) -> None:
    project = await project_of(sessions, world.sup_a)
    admin = await signed_in(client_factory, world.admin)
    base = await imported(admin, project.id, "header.csv", csv_bytes([["Телефон", "ФИО"]]))
    assert base["status"] == "failed"
    assert base["error"] == {
        "code": "no_rows",
        "message_ru": "В файле нет строк с данными",
        "message_en": "The file has no data rows",
    }
    assert base["imported_rows"] == 0 and base["statistics"]["total"] == 0
    report = await admin.http.get(bases_url(project.id, f"/{base['id']}/error-report"))
    assert "В файле нет строк с данными" in report.content.decode()


async def test_an_upload_whose_file_is_gone_fails_cleanly(
    client_factory: ClientFactory, sessions: async_sessionmaker[AsyncSession], world: World, uploads_dir: Path
) -> None:
    project = await project_of(sessions, world.sup_a)
    admin = await signed_in(client_factory, world.admin)
    uploaded = (await upload(admin, project.id, "gone.csv", csv_bytes([["phone"], ["79161237777"]]))).json()
    async with sessions() as db:
        stored = await db.scalar(
            text("SELECT stored_name FROM contact_bases WHERE id = :id"), {"id": uploaded["upload_id"]}
        )
    (uploads_dir / stored).unlink()
    started = await start_import(
        admin, project.id, upload_id=uploaded["upload_id"], mapping=uploaded["mapping"]
    )
    base = await finished_base(admin, project.id, started.json()["base_id"])
    assert (base["status"], base["error"]["code"]) == ("failed", "upload_missing")


async def test_a_repeated_command_imports_nothing_more(
    client_factory: ClientFactory,
    sessions: async_sessionmaker[AsyncSession],
    world: World,
    gateway: GatewayContext,
    uploads_dir: Path,
) -> None:
    """A redelivered `import_contact_base` finds the base finished and leaves it as it is; the stored
    file was deleted after the import."""
    project = await project_of(sessions, world.sup_a)
    admin = await signed_in(client_factory, world.admin)
    rows = [["phone"], ["79161238881"], ["79161238882"]]
    base = await imported(admin, project.id, "once.csv", csv_bytes(rows))
    assert base["imported_rows"] == 2
    async with sessions() as db:
        stored = await db.scalar(
            text("SELECT stored_name FROM contact_bases WHERE id = :id"), {"id": base["id"]}
        )
    assert not (uploads_dir / stored).exists()
    (uploads_dir / stored).write_bytes(csv_bytes([["phone"], ["79161238883"]]))
    command = ImportContactBase(
        base_id=uuid.UUID(base["id"]),
        project_id=project.id,
        stored_path=str(uploads_dir / stored),
        file_name="once.csv",
        mapping={"phone": "phone"},
    )
    await BaseImportRunner(gateway.bus, gateway.resources.engine).run(command)
    again = (await admin.http.get(bases_url(project.id, f"/{base['id']}"))).json()
    assert (again["status"], again["imported_rows"], again["statistics"]["total"]) == ("ready", 2, 2)
