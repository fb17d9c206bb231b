"""F-32: numbers from the manuals resolve to the region, zone and carrier the manuals show."""

import datetime as dt

import pytest
from obzvon_numbering import NumberingIndex, utc_offset
from obzvon_numbering.carriers import tidy_name

# (number, region, IANA zone, UTC offset shown, carrier as the manuals print it)
MANUAL_NUMBERS = [
    ("79228711345", "Оренбургская обл.", "Asia/Yekaterinburg", "+05:00", "ПАО «МегаФон»"),
    ("79171959395", "Астраханская обл.", "Europe/Astrakhan", "+04:00", "ПАО «Мобильные ТелеСистемы»"),
    ("79135068681", "Красноярский край", "Asia/Krasnoyarsk", "+07:00", "ПАО «Мобильные ТелеСистемы»"),
    ("79103905529", "Нижегородская обл.", "Europe/Moscow", "+03:00", 'ПАО "Мобильные ТелеСистемы"'),
    ("79507747293", "Воронежская обл.", "Europe/Moscow", "+03:00", 'ООО "Т2 Мобайл"'),
]
WINTER = dt.datetime(2026, 1, 15, 12, tzinfo=dt.UTC)
SUMMER = dt.datetime(2026, 7, 15, 12, tzinfo=dt.UTC)


@pytest.mark.parametrize(("number", "region", "zone", "offset", "carrier"), MANUAL_NUMBERS)
def test_manual_numbers(
    def_index: NumberingIndex, number: str, region: str, zone: str, offset: str, carrier: str
) -> None:
    info = def_index.lookup(number)
    assert info is not None
    assert (info.region, info.timezone, info.carrier) == (region, zone, tidy_name(carrier))
    assert utc_offset(zone, WINTER) == utc_offset(zone, SUMMER) == offset  # no DST since 2014


def test_kaliningrad_and_kamchatka(def_index: NumberingIndex) -> None:
    zones = {info.region: info.timezone for _, _, info in def_index.ranges()}
    assert zones["Калининградская обл."] == "Europe/Kaliningrad"
    assert zones["Камчатский край"] == "Asia/Kamchatka"
    assert utc_offset("Europe/Kaliningrad", WINTER) == "+02:00"
    assert utc_offset("Asia/Kamchatka", WINTER) == "+12:00"


def test_unknown_numbers_are_not_found(def_index: NumberingIndex) -> None:
    assert def_index.lookup("79400000000") is None  # 940 (Abkhazia) is not in the Russian plan
    assert def_index.lookup("77011234567") is None  # Kazakhstan shares +7
    assert def_index.lookup("7916") is None
    assert def_index.lookup("not a number") is None
    assert def_index.lookup("７９１６１２３４５６７") is None  # only normalised ASCII numbers


def test_range_bounds_are_inclusive(def_index: NumberingIndex) -> None:
    ranges = list(def_index.ranges())
    first, last = ranges[0][0], ranges[-1][1]
    assert def_index.lookup_national(first) is not None
    assert def_index.lookup_national(first - 1) is None
    assert def_index.lookup_national(last) is not None
    assert def_index.lookup_national(last + 1) is None


def test_json_answer(def_index: NumberingIndex) -> None:
    info = def_index.lookup("79228711345")
    assert info is not None
    answer = info.as_json("79228711345")
    assert answer["found"] is True and answer["utc_offset"] == "+05:00" and answer["number"] == "79228711345"
