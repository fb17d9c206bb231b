"""F-33: base statistics «Все, Прозвонили, Не отвечают, Занято, Ошибка, Новые»."""

import uuid
from pathlib import Path

import asyncpg
from obzvon_contact_files.imports import base_statistics, import_base

from ..import_fixtures import write_csv


async def test_counters_by_status(pg: asyncpg.Connection, project_id: uuid.UUID, tmp_path: Path) -> None:
    path = write_csv(tmp_path / "upload", [["phone"], *[[f"7916{n:07d}"] for n in range(8)]])
    report = await import_base(pg, project_id=project_id, path=path, filename="a.csv")
    other = await import_base(
        pg,
        project_id=project_id,
        path=write_csv(tmp_path / "b", [["phone"], ["79169999999"]]),
        filename="b.csv",
    )
    statuses = ["called", "done", "no_answer", "machine", "busy", "error", "new", "new"]
    for n, status in enumerate(statuses):
        await pg.execute("UPDATE contacts SET status = $1 WHERE phone = $2", status, f"7916{n:07d}")
    await pg.execute("UPDATE contacts SET deleted_at = now() WHERE phone = '79160000007'")
    stats = await base_statistics(pg, project_id=project_id, base_id=report.base_id)
    assert stats.as_dict() == {"total": 7, "called": 2, "no_answer": 2, "busy": 1, "error": 1, "new": 1}
    whole = await base_statistics(pg, project_id=project_id)
    assert (whole.total, whole.new) == (8, 2)
    assert other.base_id is not None
    assert (await base_statistics(pg, project_id=uuid.uuid4())).total == 0
