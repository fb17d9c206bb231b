"""F-30/F-31/F-32/F-35: a generated base goes through the whole upload path into contacts."""

import datetime as dt
import json
import uuid
from pathlib import Path

import asyncpg
from obzvon_contact_files.imports import ImportProgress, import_base
from obzvon_numbering import NumberingIndex
from sqlalchemy.ext.asyncio import AsyncEngine

from ..import_fixtures import write_csv, write_xlsx

HEADER = [
    "Телефон",
    "ФИО",
    "E-mail",
    "Дата рождения",
    "Должность",
    "Город",
    "Адрес",
    "Комментарий",
    "Источник",
]


async def contacts(pg: asyncpg.Connection, project_id: uuid.UUID) -> list[asyncpg.Record]:
    return await pg.fetch("SELECT * FROM contacts WHERE project_id = $1 ORDER BY seq", project_id)


async def test_xlsx_with_mapping_tags_and_enrichment(
    pg: asyncpg.Connection, project_id: uuid.UUID, numbering_index: NumberingIndex, tmp_path: Path
) -> None:
    path = write_xlsx(
        tmp_path / "upload",
        [
            HEADER,
            ["8 (922) 871-13-45", "Петров Пётр", "p@example.ru", dt.datetime(1980, 12, 31), "инженер",
             "Оренбург", "ул. Ленина, 1", "=HYPERLINK(\"http://x\",A1)", "сайт"],
            [79171959395, "Иванова Анна", None, "01.02.1990", None, None, None, None, None],
            ["+7 913 506-86-81", "Сидоров", None, None, None, None, None, None, "звонок"],
        ],
    )  # fmt: skip
    seen: list[ImportProgress] = []
    report = await import_base(
        pg,
        project_id=project_id,
        path=path,
        filename="База май.xlsx",
        tags=["Май", "Тёплые"],
        numbering_index=numbering_index,
        progress=seen.append,
    )
    assert report.ok and report.imported_rows == 3 and report.rejected_rows == 0
    assert seen and seen[-1].processed == seen[-1].total == 3
    rows = await contacts(pg, project_id)
    assert [row["phone"] for row in rows] == ["79228711345", "79171959395", "79135068681"]
    first = rows[0]
    assert (first["full_name"], first["email"], first["position"], first["city"]) == (
        "Петров Пётр", "p@example.ru", "инженер", "Оренбург",
    )  # fmt: skip
    assert first["birth_date"] == dt.date(1980, 12, 31) and rows[1]["birth_date"] == dt.date(1990, 2, 1)
    assert first["description"] == '=HYPERLINK("http://x",A1)'
    assert json.loads(first["custom_fields"]) == {"Источник": "сайт"}
    assert (first["region"], first["timezone"], first["carrier"]) == (
        "Оренбургская обл.", "Asia/Yekaterinburg", "ПАО «МегаФон»",
    )  # fmt: skip
    assert rows[2]["timezone"] == "Asia/Krasnoyarsk"
    assert all(row["status"] == "new" and row["base_id"] == report.base_id for row in rows)
    base = await pg.fetchrow("SELECT * FROM contact_bases WHERE id = $1", report.base_id)
    assert base["name"] == "База май" and base["status"] == "ready" and base["imported_rows"] == 3
    tagged = await pg.fetchval(
        "SELECT count(*) FROM contact_tags ct JOIN contacts c ON c.id = ct.contact_id "
        "WHERE c.project_id = $1",
        project_id,
    )
    assert tagged == 6
    base_tags = await pg.fetch(
        "SELECT t.name FROM contact_base_tags b JOIN tags t ON t.id = b.tag_id "
        "WHERE b.base_id = $1 ORDER BY 1",
        report.base_id,
    )
    assert [tag["name"] for tag in base_tags] == ["Май", "Тёплые"]


async def test_edited_mapping_ignores_and_renames_columns(
    pg: asyncpg.Connection, project_id: uuid.UUID, tmp_path: Path
) -> None:
    path = write_csv(tmp_path / "upload", [["Номер", "Кто", "Лишнее"], ["89161234567", "Клиент", "x"]])
    mapping = {"Номер": "phone", "Кто": "custom:who", "Лишнее": "ignore"}
    report = await import_base(pg, project_id=project_id, path=path, filename="a.csv", mapping=mapping)
    assert report.ok and report.mapping == mapping
    (row,) = await contacts(pg, project_id)
    assert row["full_name"] is None and json.loads(row["custom_fields"]) == {"who": "Клиент"}
    assert row["region"] is None  # no numbering index given


async def test_same_number_in_three_formats_is_imported_once(
    pg: asyncpg.Connection, project_id: uuid.UUID, tmp_path: Path
) -> None:
    """F-31 «Проверка на дубли номеров в проекте»."""
    path = write_xlsx(
        tmp_path / "upload",
        [["phone"], ["8 (916) 123-45-67"], ["+79161234567"], [9161234567], ["79161234568"]],
    )
    report = await import_base(pg, project_id=project_id, path=path, filename="d.xlsx")
    assert (report.imported_rows, report.duplicate_rows, report.errors) == (2, 2, [])
    again = write_xlsx(tmp_path / "again", [["phone"], ["+7 916 123 45 67"], ["89161234569"]])
    second = await import_base(pg, project_id=project_id, path=again, filename="d2.xlsx", dedupe=False)
    assert (second.imported_rows, second.duplicate_rows) == (1, 1)
    assert [(e.row, e.code, e.value) for e in second.errors] == [(2, "duplicate_in_project", "79161234567")]
    assert len(await contacts(pg, project_id)) == 3


async def test_in_file_duplicates_are_listed_when_dedupe_is_off(
    pg: asyncpg.Connection, project_id: uuid.UUID, tmp_path: Path
) -> None:
    path = write_csv(tmp_path / "upload", [["phone"], ["89161234567"], ["+7 916 123-45-67"]])
    report = await import_base(pg, project_id=project_id, path=path, filename="d.csv", dedupe=False)
    assert report.imported_rows == 1
    assert [(e.row, e.code) for e in report.errors] == [(3, "duplicate")]
    assert "строка 2" in report.errors[0].message_ru


async def test_blacklisted_numbers_in_another_format_are_removed(
    pg: asyncpg.Connection, project_id: uuid.UUID, tmp_path: Path
) -> None:
    """F-31/F-70: the blacklist holds 8916…; the base writes +7 (916) …."""
    await pg.execute("INSERT INTO blacklist (phone) VALUES ('89161112233') ON CONFLICT DO NOTHING")
    try:
        path = write_csv(tmp_path / "upload", [["phone"], ["+7 (916) 111-22-33"], ["89161112234"]])
        report = await import_base(pg, project_id=project_id, path=path, filename="b.csv")
        assert (report.imported_rows, report.blacklisted_rows) == (1, 1)
        assert [row["phone"] for row in await contacts(pg, project_id)] == ["79161112234"]
        kept = await import_base(
            pg, project_id=project_id, path=path, filename="b.csv", remove_blacklisted=False
        )
        assert kept.imported_rows == 1
        status = await pg.fetchval(
            "SELECT status FROM contacts WHERE project_id = $1 AND phone = '79161112233'", project_id
        )
        assert status == "blacklisted"
    finally:
        await pg.execute("DELETE FROM blacklist WHERE phone = '89161112233'")


async def test_existing_base_row_is_filled(
    pg: asyncpg.Connection, project_id: uuid.UUID, tmp_path: Path
) -> None:
    base_id = await pg.fetchval(
        "INSERT INTO contact_bases (project_id, name, file_name) VALUES ($1, 'B', 'b.csv') RETURNING id",
        project_id,
    )
    path = write_csv(tmp_path / "upload", [["phone", "name"], ["89161234567", "А"], ["oops", "Б"]])
    report = await import_base(pg, project_id=project_id, path=path, filename="b.csv", base_id=base_id)
    assert report.base_id == base_id
    base = await pg.fetchrow("SELECT * FROM contact_bases WHERE id = $1", base_id)
    assert (base["status"], base["imported_rows"], base["rejected_rows"], base["total_rows"]) == (
        "ready",
        1,
        1,
        2,
    )
    (error,) = json.loads(base["error_report"])
    assert (error["row"], error["column"], error["value"], error["code"]) == (3, "phone", "oops", "letters")
    assert error["error"].startswith("Номер содержит буквы")


async def test_contacts_follow_the_file_order(
    pg: asyncpg.Connection, project_id: uuid.UUID, tmp_path: Path
) -> None:
    """The base order (seq) is the row order, across chunks."""
    numbers = [f"7916{n:07d}" for n in (5, 3, 9, 1, 7, 2, 8, 4, 6, 0)]
    path = write_csv(tmp_path / "upload", [["phone"], *[[n] for n in numbers]])
    report = await import_base(pg, project_id=project_id, path=path, filename="o.csv", chunk_rows=3)
    assert report.imported_rows == 10
    assert [row["phone"] for row in await contacts(pg, project_id)] == numbers


async def test_an_sqlalchemy_engine_works_too(
    db_engine: AsyncEngine, pg: asyncpg.Connection, project_id: uuid.UUID, tmp_path: Path
) -> None:
    """The service passes its engine; the upload still runs in one asyncpg transaction."""
    path = write_csv(tmp_path / "upload", [["phone"], ["89161234567"], ["89161234568"]])
    report = await import_base(db_engine, project_id=project_id, path=path, filename="e.csv")
    assert report.ok and report.imported_rows == 2
    assert len(await contacts(pg, project_id)) == 2
