"""F-30 / reliability §5, §8: bad files are refused before parsing with a clean per-file error."""

import uuid
import zipfile
from pathlib import Path

import asyncpg
import pytest
import xlsxwriter
from obzvon_contact_files.imports import UploadLimits, import_base
from obzvon_contact_files.imports.upload_safety import check_upload

from ..import_fixtures import write_csv, write_xlsx

LIMITS = UploadLimits()


def make_zip(path: Path, members: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return path


def zip_bomb(path: Path) -> Path:
    """A small zip that inflates to 20 MB of zeros (ratio ≈ 1000)."""
    return make_zip(
        path, {"[Content_Types].xml": b"<Types/>", "xl/worksheets/sheet1.xml": b"\0" * (20 * 2**20)}
    )


def cases(tmp: Path) -> list[tuple[str, Path, str]]:
    """(user's file name, stored file, expected error code)."""
    header_only = write_xlsx(tmp / "header_only", [["phone", "name"]])
    empty_sheet = tmp / "empty_sheet"
    workbook = xlsxwriter.Workbook(str(empty_sheet))
    workbook.add_worksheet()
    workbook.close()
    wide = tmp / "wide"
    workbook = xlsxwriter.Workbook(str(wide))
    sheet = workbook.add_worksheet()
    for col in range(16_384):  # every column of a sheet holds a header
        sheet.write_string(0, col, f"c{col}")
    workbook.close()
    text = tmp / "text"
    text.write_text("just some text, not a workbook")
    zero = tmp / "zero"
    zero.write_bytes(b"")
    members = {"[Content_Types].xml": b"<Types/>", **{f"xl/part{i}.xml": b"<x/>" for i in range(60)}}
    return [
        ("base.xlsx", zero, "empty_file"),
        ("base.xlsx", text, "not_xlsx"),
        ("base.xlsx", tmp.joinpath("junk").with_suffix(".bin"), "not_xlsx"),
        ("base.txt", header_only, "no_rows"),
        ("base.xlsx", header_only, "no_rows"),
        ("base.xlsx", empty_sheet, "no_header"),
        ("base.xlsx", zip_bomb(tmp / "bomb"), "zip_bomb"),
        ("base.xlsx", make_zip(tmp / "many", members), "too_many_members"),
        (
            "base.xlsx",
            make_zip(tmp / "slip", {"[Content_Types].xml": b"<Types/>", "../../x": b"x"}),
            "unsafe_member",
        ),
        (
            "base.xlsx",
            make_zip(tmp / "abs", {"[Content_Types].xml": b"<Types/>", "/etc/x": b"x"}),
            "unsafe_member",
        ),
        ("base.xlsx", make_zip(tmp / "plain_zip", {"a.txt": b"hello"}), "not_xlsx"),
        (
            "base.xlsm",
            make_zip(tmp / "macro", {"[Content_Types].xml": b"<T/>", "xl/vbaProject.bin": b"x"}),
            "macros",
        ),
        ("base.xls", tmp / "ole", "legacy_xls"),
        (
            "base.xlsx",
            make_zip(tmp / "broken", {"[Content_Types].xml": b"<Types/>", "xl/workbook.xml": b"<"}),
            "unreadable",
        ),
        ("base.xlsx", wide, "too_many_columns"),
        ("base.pdf", write_csv(tmp / "pdf", [["phone"], ["89161234567"]]), "unsupported_format"),
        ("base.csv", write_csv(tmp / "csv_header", [["phone", "name"]]), "no_rows"),
    ]


@pytest.fixture
def bad_files(tmp_path: Path) -> list[tuple[str, Path, str]]:
    (tmp_path / "junk.bin").write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 100)
    (tmp_path / "ole").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504)
    return cases(tmp_path)


async def test_bad_files_give_a_clean_file_error(
    pg: asyncpg.Connection, project_id: uuid.UUID, bad_files: list[tuple[str, Path, str]]
) -> None:
    results = []
    for filename, path, _ in bad_files:
        report = await import_base(pg, project_id=project_id, path=path, filename=filename)
        assert report.status == "failed" and report.file_error is not None, filename
        assert report.file_error.message_ru and report.file_error.message_en
        results.append(report.file_error.code)
    assert results == [code for _, _, code in bad_files]
    assert await pg.fetchval("SELECT count(*) FROM contact_bases WHERE project_id = $1", project_id) == 0


def test_zip_bomb_is_refused_from_the_directory_alone(tmp_path: Path) -> None:
    """The member is never inflated: the check reads only ZipInfo sizes."""
    bomb = zip_bomb(tmp_path / "bomb")
    assert bomb.stat().st_size < 200_000
    with pytest.raises(Exception, match="zip bomb"):
        check_upload(bomb, "b.xlsx", LIMITS)


def test_size_and_inflated_size_caps(tmp_path: Path) -> None:
    big = write_csv(tmp_path / "big", [["phone"], *[["89161234567"]] * 1000])
    with pytest.raises(Exception, match="larger than"):
        check_upload(big, "big.csv", UploadLimits(max_file_bytes=1000))
    workbook = write_xlsx(tmp_path / "book", [["phone"], ["89161234567"]])
    with pytest.raises(Exception, match="inflates to more than"):
        check_upload(workbook, "book.xlsx", UploadLimits(max_uncompressed_bytes=1000))


def test_a_normal_workbook_passes(tmp_path: Path) -> None:
    rows = [["phone", "name"], *[[f"7916{i:07d}", f"Имя {i}"] for i in range(5000)]]
    assert check_upload(write_xlsx(tmp_path / "ok", rows), "ok.xlsx", LIMITS) == "xlsx"
    assert check_upload(write_xlsx(tmp_path / "ok2", rows), "renamed.csv", LIMITS) == "xlsx"


async def test_failed_upload_marks_an_existing_base(
    pg: asyncpg.Connection, project_id: uuid.UUID, tmp_path: Path
) -> None:
    base_id = await pg.fetchval(
        "INSERT INTO contact_bases (project_id, name, file_name) VALUES ($1, 'B', 'b.xlsx') RETURNING id",
        project_id,
    )
    report = await import_base(
        pg, project_id=project_id, path=zip_bomb(tmp_path / "bomb"), filename="b.xlsx", base_id=base_id
    )
    assert report.file_error is not None
    row = await pg.fetchrow("SELECT status, error_report FROM contact_bases WHERE id = $1", base_id)
    assert row["status"] == "failed" and '"zip_bomb"' in row["error_report"]
