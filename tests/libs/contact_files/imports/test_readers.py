"""F-30: encodings and separators of CSV uploads; several sheets and odd headers in XLSX."""

import uuid
from pathlib import Path

import asyncpg
import pytest
import xlsxwriter
from obzvon_contact_files.imports import import_base, suggest_mapping
from obzvon_contact_files.imports.csv_reader import decode, sniff_delimiter
from obzvon_contact_files.imports.table import header_labels

ROWS = [
    ["Телефон", "ФИО", "Город"],
    ["89161234567", "Ёлкина Анна", "Москва"],
    ["89161234568", "Петров, Пётр", "Тверь"],
]


@pytest.mark.parametrize(
    ("encoding", "bom", "delimiter"),
    [
        ("utf-8", b"", ";"),
        ("utf-8", b"\xef\xbb\xbf", ","),
        ("cp1251", b"", ";"),
        ("cp1251", b"\xef\xbb\xbf", "\t"),
    ],
)
async def test_csv_encodings_and_separators(
    pg: asyncpg.Connection, project_id: uuid.UUID, tmp_path: Path, encoding: str, bom: bytes, delimiter: str
) -> None:
    import csv
    import io

    text = io.StringIO()
    csv.writer(text, delimiter=delimiter).writerows(ROWS)
    path = tmp_path / "upload"
    path.write_bytes(bom + text.getvalue().encode(encoding))
    report = await import_base(pg, project_id=project_id, path=path, filename="база.csv")
    assert report.ok and report.imported_rows == 2, report.file_error
    names = await pg.fetch(
        "SELECT full_name, city FROM contacts WHERE project_id = $1 ORDER BY seq", project_id
    )
    assert [tuple(row) for row in names] == [("Ёлкина Анна", "Москва"), ("Петров, Пётр", "Тверь")]


def test_decode_and_sniff() -> None:
    assert decode("привет".encode("cp1251")) == "привет"
    assert decode(b"\xef\xbb\xbf" + "привет".encode()) == "привет"
    assert sniff_delimiter("a;b;c\n1;2;3\n") == ";"
    assert sniff_delimiter("phone\n7916\n") == ";"


def test_duplicate_headers_get_distinct_labels() -> None:
    assert header_labels(["Телефон", "телефон ", "", "ТЕЛЕФОН", None]) == [
        "Телефон", "телефон (2)", "Столбец 3", "ТЕЛЕФОН (3)", "Столбец 5",
    ]  # fmt: skip


def test_suggested_mapping() -> None:
    header = [
        "phone",
        "email",
        "full_name",
        "birth_date",
        "position",
        "city",
        "address",
        "description",
        "Источник",
    ]
    assert suggest_mapping(header) == {**{name: name for name in header[:-1]}, "Источник": "custom:Источник"}
    russian = [
        "Номер телефона",
        "E-mail",
        "ФИО",
        "Дата рождения",
        "Должность",
        "Город",
        "Адрес",
        "Комментарий",
        "Тел.",
    ]
    assert suggest_mapping(russian) == {
        "Номер телефона": "phone", "E-mail": "email", "ФИО": "full_name", "Дата рождения": "birth_date",
        "Должность": "position", "Город": "city", "Адрес": "address", "Комментарий": "description",
        "Тел.": "custom:Тел.",
    }  # fmt: skip


async def test_first_sheet_with_data_is_read(
    pg: asyncpg.Connection, project_id: uuid.UUID, tmp_path: Path
) -> None:
    path = tmp_path / "upload"
    workbook = xlsxwriter.Workbook(str(path))
    workbook.add_worksheet("Пусто")
    data = workbook.add_worksheet("Данные")
    data.write_string(2, 1, "Телефон")  # the table starts at B3
    data.write_string(3, 1, "89161234567")
    data.merge_range(4, 1, 4, 2, "89161234568")
    workbook.add_worksheet("Другое").write_string(0, 0, "89160000000")
    workbook.close()
    report = await import_base(pg, project_id=project_id, path=path, filename="b.xlsx")
    assert report.ok and report.imported_rows == 2


async def test_mapping_errors_are_file_errors(
    pg: asyncpg.Connection, project_id: uuid.UUID, tmp_path: Path
) -> None:
    from ..import_fixtures import write_csv

    path = write_csv(tmp_path / "upload", [["a", "b"], ["89161234567", "x"]])
    for mapping, code in [
        ({"a": "email"}, "no_phone_column"),
        ({"zzz": "phone"}, "unknown_column"),
        ({"a": "phone", "b": "phone"}, "field_mapped_twice"),
        ({"a": "phone", "b": "salary"}, "unknown_field"),
        ({"a": "phone", "b": "custom:"}, "bad_custom_field"),
    ]:
        report = await import_base(pg, project_id=project_id, path=path, filename="a.csv", mapping=mapping)
        assert report.file_error is not None and report.file_error.code == code
