"""F-30: an upload is one transaction — a failure part-way leaves nothing written."""

import uuid
from pathlib import Path

import asyncpg
import pytest
from obzvon_contact_files.imports import ImportProgress, import_base
from obzvon_contact_files.imports.rows import RowProcessor

from ..import_fixtures import write_csv


class InjectedFailure(RuntimeError):
    pass


def upload(tmp_path: Path) -> Path:
    return write_csv(tmp_path / "upload", [["phone"], *[[f"7916{n:07d}"] for n in range(20)]])


async def nothing_written(pg: asyncpg.Connection, project_id: uuid.UUID, tag: str) -> bool:
    contacts = await pg.fetchval("SELECT count(*) FROM contacts WHERE project_id = $1", project_id)
    bases = await pg.fetchval("SELECT count(*) FROM contact_bases WHERE project_id = $1", project_id)
    tags = await pg.fetchval("SELECT count(*) FROM tags WHERE name = $1", tag)
    return (contacts, bases, tags) == (0, 0, 0)


async def test_failure_after_the_first_chunk_rolls_everything_back(
    pg: asyncpg.Connection, project_id: uuid.UUID, tmp_path: Path
) -> None:
    tag = f"atomic-{uuid.uuid4().hex[:6]}"
    loaded: list[int] = []

    async def progress(state: ImportProgress) -> None:
        loaded.append(state.processed)
        if state.processed >= 10:
            raise InjectedFailure("connection lost")

    with pytest.raises(InjectedFailure):
        await import_base(
            pg, project_id=project_id, path=upload(tmp_path), filename="a.csv", tags=[tag], progress=progress,
            chunk_rows=5,
        )  # fmt: skip
    assert loaded == [5, 10]  # two chunks were inserted before the failure
    assert await nothing_written(pg, project_id, tag)


async def test_reader_failure_mid_file_rolls_everything_back(
    pg: asyncpg.Connection, project_id: uuid.UUID, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    tag = f"atomic-{uuid.uuid4().hex[:6]}"
    original = RowProcessor.process

    def failing(self: RowProcessor, row_no: int, cells: list[object]) -> object:
        if row_no == 15:
            raise InjectedFailure("disk error")
        return original(self, row_no, cells)

    monkeypatch.setattr(RowProcessor, "process", failing)
    with pytest.raises(InjectedFailure):
        await import_base(
            pg, project_id=project_id, path=upload(tmp_path), filename="a.csv", tags=[tag], chunk_rows=4
        )
    assert await nothing_written(pg, project_id, tag)


async def test_an_existing_base_is_marked_failed(
    pg: asyncpg.Connection, project_id: uuid.UUID, tmp_path: Path
) -> None:
    base_id = await pg.fetchval(
        "INSERT INTO contact_bases (project_id, name, file_name) VALUES ($1, 'B', 'a.csv') RETURNING id",
        project_id,
    )

    def progress(state: ImportProgress) -> None:
        raise InjectedFailure("stop")

    with pytest.raises(InjectedFailure):
        await import_base(
            pg,
            project_id=project_id,
            path=upload(tmp_path),
            filename="a.csv",
            base_id=base_id,
            progress=progress,
        )
    assert await pg.fetchval("SELECT status FROM contact_bases WHERE id = $1", base_id) == "failed"
    assert await pg.fetchval("SELECT count(*) FROM contacts WHERE base_id = $1", base_id) == 0


async def test_a_base_of_another_project_is_refused(
    pg: asyncpg.Connection, project_id: uuid.UUID, tmp_path: Path
) -> None:
    with pytest.raises(LookupError):
        await import_base(
            pg, project_id=project_id, path=upload(tmp_path), filename="a.csv", base_id=uuid.uuid4()
        )
