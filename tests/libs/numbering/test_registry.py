"""F-32: the registry files resolve to subjects, zones and one carrier name per ИНН."""

import csv
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from obzvon_numbering.carriers import canonical_names, tidy_name
from obzvon_numbering.regions import read_zone_table, short_name, subjects_from_gar
from obzvon_numbering.registry_csv import RegistryFormatError, load_records, read_registry_file

HEADER_2026 = "АВС/ DEF;От;До;Емкость;Оператор;Регион;Территория ГАР;ИНН"


def test_every_def_range_resolves_to_a_subject_and_a_zone(numbering_dir: Path) -> None:
    zones = read_zone_table(numbering_dir / "region_tz.csv")
    records = load_records([numbering_dir / "DEF-9xx.csv"], numbering_dir / "region_tz.csv")
    assert len(records) > 15_000
    for record in records:
        assert record.territory, record
        subjects = subjects_from_gar(record.territory)
        assert subjects and record.region, record
        if subjects == ["Российская Федерация"]:
            assert record.timezone is None  # nationwide ranges (satellite carriers) have no zone
            continue
        assert all(subject in zones for subject in subjects), record
        assert record.timezone is not None
        ZoneInfo(record.timezone)


def test_the_file_has_no_overlaps_and_matches_capacity(numbering_dir: Path) -> None:
    rows = read_registry_file(numbering_dir / "DEF-9xx.csv")
    with (numbering_dir / "DEF-9xx.csv").open(encoding="utf-8-sig") as handle:
        total = sum(int(row["Емкость"]) for row in csv.DictReader(handle, delimiter=";"))
    assert sum(row.range_to - row.range_from + 1 for row in rows) == total


def test_columns_are_found_by_name_in_an_older_layout(tmp_path: Path, numbering_dir: Path) -> None:
    """Older files have 6-7 columns in another order and may be windows-1251."""
    path = tmp_path / "DEF-9xx.csv"
    path.write_bytes(
        "Оператор;ИНН;АВС/ DEF;От;До;Емкость;Регион\n"
        'ПАО "МТС";7740000076;916;1000000;1999999;1000000;г. Москва и Московская область\n'
        'ООО "К-ТЕЛЕКОМ";2308210371;901;0000000;0000099;100;Калининградская обл.\n'.encode("cp1251")
    )
    records = load_records([path], numbering_dir / "region_tz.csv")
    by_code = {record.code: record for record in records}
    assert by_code[916].range_from == 9161000000 and by_code[916].range_to == 9161999999
    assert by_code[916].region == "г. Москва и Московская обл." and by_code[916].timezone == "Europe/Moscow"
    assert by_code[916].carrier == "ПАО «Мобильные ТелеСистемы»"
    assert by_code[901].timezone == "Europe/Kaliningrad"


def test_overlapping_ranges_are_refused(tmp_path: Path, numbering_dir: Path) -> None:
    path = tmp_path / "DEF-9xx.csv"
    path.write_text(
        f"{HEADER_2026}\n"
        '916;0000000;0000999;1000;ПАО "МТС";-;Город Москва;7740000076\n'
        '916;0000500;0001999;1500;ПАО "МТС";-;Город Москва;7740000076',
        encoding="utf-8-sig",
    )
    with pytest.raises(RegistryFormatError, match="overlapping"):
        load_records([path], numbering_dir / "region_tz.csv")


@pytest.mark.parametrize(
    "body",
    [
        "",
        "a;b;c\n1;2;3",
        f"{HEADER_2026}\n916;0000000;0000999;5;ПАО;-;Город Москва;1",
        f"{HEADER_2026}\nx;y;z;1;a;b;c;d",
    ],
)
def test_broken_files_are_refused(tmp_path: Path, body: str) -> None:
    path = tmp_path / "DEF-9xx.csv"
    path.write_text(body, encoding="utf-8")
    with pytest.raises(RegistryFormatError):
        read_registry_file(path)


def test_one_name_per_inn_whatever_the_spelling() -> None:
    names = canonical_names(
        [
            ("7701725181", 'ООО "СКАРТЕЛ"'),
            ("7701725181", 'ООО "Скартел"'),
            ("7701725181", 'ООО "СКАРТЕЛ"'),
            ("7740000076", 'ПАО "МТС"'),
            ("7740000076", 'ПАО "Мобильные ТелеСистемы"'),
        ]
    )
    assert names == {"7701725181": "ООО «Скартел»", "7740000076": "ПАО «Мобильные ТелеСистемы»"}
    assert tidy_name('ООО  "МЕТРО-ПЭЙ"') == "ООО «МЕТРО-ПЭЙ»"


def test_short_region_names() -> None:
    assert short_name("Оренбургская область") == "Оренбургская обл."
    assert short_name("Город Москва") == "г. Москва"
    assert short_name("Ханты-Мансийский автономный округ - Югра") == "Ханты-Мансийский АО - Югра"
    assert short_name("Красноярский край") == "Красноярский край"
    assert subjects_from_gar("г. Норильск|г.о. город Норильск|Красноярский край") == ["Красноярский край"]
