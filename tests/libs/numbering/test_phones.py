"""F-30/F-32: phone cells from real bases become 7NNNNNNNNNN or a precise, translated error."""

import datetime as dt
from decimal import Decimal

import pytest
from obzvon_numbering import PhoneError, PhoneErrorCode, is_emergency_or_service, is_premium, normalize_phone

NUMBER = "79161234567"


@pytest.mark.parametrize(
    "value",
    [
        "8 (916) 123-45-67",
        "+7 916 123 45 67",
        "+7(916)1234567",
        "89161234567",
        "9161234567",
        "79161234567",
        " 7-916-123-45-67 ",
        "'79161234567",
        "’+7 916 123-45-67",
        "79161234567.0",
        "7.9161234567E10",
        "7,9161234567e+10",
        79161234567,
        79161234567.0,
        7.9161234567e10,
        Decimal("79161234567"),
        "７９１６１２３４５６７",
        "٧٩١٦١٢٣٤٥٦٧",
        "\u200b+7 916\u200d 123 45 67\u202e",
        "\ufeff79161234567",
        "7916\x001234567",
        "8 10 7 916 123 45 67",
        "007 916 123 45 67",
        "+7 916 123 45 67;",
        "8\u00a0916\u2009123\u201145\u201367",
    ],
)
def test_accepted_formats_give_the_same_number(value: object) -> None:
    assert normalize_phone(value) == NUMBER


@pytest.mark.parametrize(
    ("value", "code"),
    [
        ("", PhoneErrorCode.EMPTY),
        (" ", PhoneErrorCode.EMPTY),
        (None, PhoneErrorCode.EMPTY),
        ("\u200b\u202e", PhoneErrorCode.EMPTY),
        ("+7", PhoneErrorCode.TOO_SHORT),
        ("916123456", PhoneErrorCode.TOO_SHORT),
        ("7916123456", PhoneErrorCode.TOO_SHORT),
        ("+79161234567890", PhoneErrorCode.TOO_LONG),
        ("1" * 10_000, PhoneErrorCode.TOO_LONG),
        (1e308, PhoneErrorCode.TOO_LONG),
        ("+7 916 123 45 67 доб. 12", PhoneErrorCode.EXTENSION),
        ("8 495 123-45-67 ext 5", PhoneErrorCode.EXTENSION),
        ("79161234567;79161234568", PhoneErrorCode.MULTIPLE_NUMBERS),
        ("79161234567, 89161234568", PhoneErrorCode.MULTIPLE_NUMBERS),
        ("79161234567\n79161234568", PhoneErrorCode.MULTIPLE_NUMBERS),
        ("79161234567 79161234568", PhoneErrorCode.MULTIPLE_NUMBERS),
        ("+7 916 123 45 6О", PhoneErrorCode.LETTERS),
        ("8916123456O", PhoneErrorCode.LETTERS),
        ("я" * 10_000, PhoneErrorCode.LETTERS),
        ("📞79161234567", PhoneErrorCode.INVALID_CHARACTERS),
        ("=79161234567", PhoneErrorCode.FORMULA),
        ('=HYPERLINK("http://x",A1)', PhoneErrorCode.FORMULA),
        ("+380 50 123 45 67", PhoneErrorCode.FOREIGN),
        ("+375 29 123-45-67", PhoneErrorCode.FOREIGN),
        ("+1 212 555 1234", PhoneErrorCode.FOREIGN),
        ("380501234567", PhoneErrorCode.FOREIGN),
        ("00380501234567", PhoneErrorCode.FOREIGN),
        ("2123456789", PhoneErrorCode.INVALID_PREFIX),
        ("112", PhoneErrorCode.EMERGENCY),
        ("101", PhoneErrorCode.EMERGENCY),
        ("102", PhoneErrorCode.EMERGENCY),
        ("103", PhoneErrorCode.EMERGENCY),
        ("104", PhoneErrorCode.EMERGENCY),
        ("01", PhoneErrorCode.EMERGENCY),
        ("04", PhoneErrorCode.EMERGENCY),
        (112, PhoneErrorCode.EMERGENCY),
        ("0611", PhoneErrorCode.SERVICE_NUMBER),
        ("8-809-123-45-67", PhoneErrorCode.PREMIUM),
        ("+7 803 123 45 67", PhoneErrorCode.PREMIUM),
        (dt.date(2024, 1, 2), PhoneErrorCode.INVALID_TYPE),
        (dt.datetime(2024, 1, 2, 3, 4), PhoneErrorCode.INVALID_TYPE),
        (True, PhoneErrorCode.INVALID_TYPE),
        (float("nan"), PhoneErrorCode.INVALID_TYPE),
        (79161234567.5, PhoneErrorCode.INVALID_TYPE),
        (-79161234567, PhoneErrorCode.INVALID_TYPE),
        (object(), PhoneErrorCode.INVALID_TYPE),
    ],
)
def test_bad_values_give_a_precise_error(value: object, code: PhoneErrorCode) -> None:
    result = normalize_phone(value)
    assert isinstance(result, PhoneError)
    assert result.code is code
    assert result.message_ru and result.message_en
    assert result.message_ru != result.message_en


def test_letters_error_names_the_letter() -> None:
    result = normalize_phone("8 916 123 45 6О")
    assert isinstance(result, PhoneError)
    assert "«О»" in result.message_ru


def test_foreign_error_names_the_country_code() -> None:
    result = normalize_phone("+380501234567")
    assert isinstance(result, PhoneError)
    assert "+380" in result.message_ru and "+380" in result.message_en


@pytest.mark.parametrize(
    "number", ["112", "101", "102", "103", "104", "01", "02", "03", "04", "1-1-2", "１１２", "100"]
)
def test_emergency_and_service_numbers_are_flagged(number: str) -> None:
    """DESIGN: never dial emergency/service numbers, whatever the base says."""
    assert is_emergency_or_service(number)


@pytest.mark.parametrize("number", [NUMBER, "74951234567", "88005553535", "12345", ""])
def test_ordinary_numbers_are_not_service_numbers(number: str) -> None:
    assert not is_emergency_or_service(number)


def test_premium_numbers_are_flagged() -> None:
    assert is_premium("8-809-123-45-67") and is_premium("78031234567")
    assert not is_premium("88005553535") and not is_premium(NUMBER)


def test_toll_free_and_landline_numbers_are_accepted() -> None:
    assert normalize_phone("8 800 555-35-35") == "78005553535"
    assert normalize_phone("(495) 123-45-67") == "74951234567"
    assert normalize_phone("8 (4012) 12-34-56") == "74012123456"
