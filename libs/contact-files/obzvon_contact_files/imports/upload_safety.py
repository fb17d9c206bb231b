"""Upload safety, checked before any parsing (OWASP ASVS 5.2.1–5.2.3).

An ``.xlsx`` file must start with the zip magic ``PK\\x03\\x04``, list ``[Content_Types].xml``, have at
most 50 members, inflate to at most 300 MB with a compression ratio of at most 100 (so a zip bomb is
refused from its directory alone), carry no member name with ``..`` or a leading ``/`` and no macros.
Every file is at most 50 MB. The user's file name only chooses the expected format; it is never used as
a path.
"""

import zipfile
from pathlib import Path, PurePosixPath
from typing import Literal

from obzvon_contact_files.imports.errors import FileRejected
from obzvon_contact_files.imports.limits import MIB, UploadLimits

FileKind = Literal["xlsx", "csv"]

ZIP_MAGIC = b"PK\x03\x04"
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
XLSX_SUFFIXES = frozenset({".xlsx", ".xlsm"})
CSV_SUFFIXES = frozenset({".csv", ".txt"})
CONTENT_TYPES = "[Content_Types].xml"


def _reject(code: str, ru: str, en: str) -> FileRejected:
    return FileRejected(code, ru, en)


def check_upload(path: Path, filename: str, limits: UploadLimits) -> FileKind:
    """The kind of a safe upload, or :class:`FileRejected` saying what is wrong with the file."""
    suffix = PurePosixPath(filename.replace("\\", "/")).suffix.lower()
    size = path.stat().st_size
    if size == 0:
        raise _reject("empty_file", "Файл пустой", "The file is empty")
    if size > limits.max_file_bytes:
        mb = limits.max_file_bytes // MIB
        raise _reject("file_too_large", f"Файл больше {mb} МБ", f"The file is larger than {mb} MB")
    with path.open("rb") as handle:
        head = handle.read(8)
    if head.startswith(OLE_MAGIC) or (suffix == ".xls" and not head.startswith(ZIP_MAGIC)):
        raise _reject(
            "legacy_xls",
            "Старый формат Excel (.xls) не поддерживается: сохраните файл как .xlsx",
            "The old Excel format (.xls) is not supported: save the file as .xlsx",
        )
    if head.startswith(ZIP_MAGIC):
        _check_zip(path, limits)
        return "xlsx"
    if suffix in XLSX_SUFFIXES:
        raise _reject(
            "not_xlsx",
            "Файл повреждён или это не Excel (.xlsx)",
            "The file is damaged or is not an Excel workbook (.xlsx)",
        )
    if suffix in CSV_SUFFIXES or not suffix:
        if b"\x00" in head and not head.startswith((b"\xff\xfe", b"\xfe\xff")):
            raise _reject("binary_file", "Файл не является текстом CSV", "The file is not CSV text")
        return "csv"
    raise _reject(
        "unsupported_format",
        "Поддерживаются только файлы .xlsx и .csv",
        "Only .xlsx and .csv files are supported",
    )


def _check_zip(path: Path, limits: UploadLimits) -> None:
    try:
        with zipfile.ZipFile(path) as archive:
            members = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise _reject(
            "not_xlsx",
            "Файл повреждён или это не Excel (.xlsx)",
            "The file is damaged or is not an .xlsx workbook",
        ) from exc
    if len(members) > limits.max_zip_members:
        raise _reject(
            "too_many_members",
            "Файл содержит слишком много частей для книги Excel",
            f"The workbook has more than {limits.max_zip_members} parts",
        )
    names = [member.filename for member in members]
    for name in names:
        if ".." in name.replace("\\", "/").split("/") or name.startswith(("/", "\\")) or ".." in name:
            raise _reject(
                "unsafe_member", "Файл содержит недопустимые пути", "The file contains unsafe paths"
            )
    if CONTENT_TYPES not in names:
        raise _reject("not_xlsx", "Это не книга Excel (.xlsx)", "This is not an Excel workbook (.xlsx)")
    if any(name.lower().endswith("vbaproject.bin") for name in names):
        raise _reject(
            "macros",
            "Книги с макросами не принимаются: сохраните файл как .xlsx без макросов",
            "Workbooks with macros are refused: save the file as .xlsx without macros",
        )
    total = sum(member.file_size for member in members)
    packed = sum(member.compress_size for member in members)
    if total > limits.max_uncompressed_bytes:
        mb = limits.max_uncompressed_bytes // MIB
        raise _reject(
            "too_large_uncompressed",
            f"В распакованном виде файл больше {mb} МБ",
            f"The file inflates to more than {mb} MB",
        )
    suspicious = total > packed * limits.max_compression_ratio or any(
        member.file_size >= limits.ratio_check_min_bytes
        and member.file_size > max(member.compress_size, 1) * limits.max_compression_ratio
        for member in members
    )
    if suspicious:
        raise _reject(
            "zip_bomb",
            "Файл сжат подозрительно сильно (возможна zip-бомба) и не принят",
            "The file is compressed suspiciously well (a possible zip bomb) and was refused",
        )
